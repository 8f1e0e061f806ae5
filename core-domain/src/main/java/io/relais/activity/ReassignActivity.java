package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a task or meeting to someone else. */
public record ReassignActivity(@TargetAggregateIdentifier String activityId, String assigneeId,
                               Long expectedVersion) {
}
