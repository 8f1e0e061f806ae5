package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark a task done or a meeting held, with what came of it. */
public record CompleteActivity(@TargetAggregateIdentifier String activityId, String outcome, Long expectedVersion) {
}
