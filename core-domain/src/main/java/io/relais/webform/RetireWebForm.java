package io.relais.webform;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a web form taking submissions, for good: its key then answers 404. */
public record RetireWebForm(@TargetAggregateIdentifier String formId) {
}
