package io.relais.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop delivering to a subscription until it is resumed; what happens meanwhile waits for it. */
public record SuspendWebhook(@TargetAggregateIdentifier String webhookId, String reason) {
}
