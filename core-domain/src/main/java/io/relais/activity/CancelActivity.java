package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel a task or meeting. */
public record CancelActivity(@TargetAggregateIdentifier String activityId, Long expectedVersion) {
}
