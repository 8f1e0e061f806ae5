package io.relais.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deliver to a suspended subscription again, starting with what waited. */
public record ResumeWebhook(@TargetAggregateIdentifier String webhookId) {
}
