package io.relais.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a subscription for good: nothing more is delivered to it; its delivery log stays. */
public record RetireWebhook(@TargetAggregateIdentifier String webhookId) {
}
