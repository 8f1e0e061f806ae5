package io.relais.webhook;

/** The subscription ended for good. */
public record WebhookRetired(String webhookId) {
}
