package io.relais.webhook;

/** Deliveries are signed from now on with the secret {@code secretId} names. */
public record WebhookSecretRotated(String webhookId, String secretId) {
}
