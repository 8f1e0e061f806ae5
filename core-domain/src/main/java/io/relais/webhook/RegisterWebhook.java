package io.relais.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Subscribe an address to events. {@code secretId} names the signing secret, kept sealed outside the event store
 * (the events never hold it).
 */
public record RegisterWebhook(@TargetAggregateIdentifier String webhookId, WebhookSettings settings,
                              String secretId) {
}
