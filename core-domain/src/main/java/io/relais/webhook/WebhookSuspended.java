package io.relais.webhook;

/** Deliveries to the subscription stopped, for {@code reason}: by an administrator, or by the system after failures. */
public record WebhookSuspended(String webhookId, String reason) {
}
