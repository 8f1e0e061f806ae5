package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Plan a task or meeting due at {@code dueAt}, for an assignee (default the actor), with an optional reminder. */
public record ScheduleActivity(@TargetAggregateIdentifier String activityId, ActivityKind kind, String subject, String notes,
                               ActivityLinks links, Instant dueAt, String assigneeId, Instant remindAt) {
}
