package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Move a task or meeting, and its reminder (null: none). */
public record RescheduleActivity(@TargetAggregateIdentifier String activityId, Instant dueAt, Instant remindAt,
                                 Long expectedVersion) {
}
