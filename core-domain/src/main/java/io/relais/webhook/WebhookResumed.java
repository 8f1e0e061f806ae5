package io.relais.webhook;

/** Deliveries to the subscription started again. */
public record WebhookResumed(String webhookId) {
}
