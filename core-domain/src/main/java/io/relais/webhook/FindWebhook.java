package io.relais.webhook;

/** One webhook subscription by its id, retired or not. */
public record FindWebhook(String webhookId) {
}
