package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancel a task or meeting. */
public record CancelActivity(@TargetAggregateIdentifier String activityId, @TargetAggregateVersion Long expectedVersion) {
}
