package io.relais.webhook;

/** An address was subscribed to events, signed with the secret {@code secretId} names. */
public record WebhookRegistered(String webhookId, WebhookSettings settings, String secretId) {
}
