package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Move a task or meeting, and its reminder (null: none). */
public record RescheduleActivity(@TargetAggregateIdentifier String activityId, Instant dueAt, Instant remindAt,
                                 @TargetAggregateVersion Long expectedVersion) {
}
