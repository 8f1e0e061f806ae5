package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Give a task or meeting to someone else. */
public record ReassignActivity(@TargetAggregateIdentifier String activityId, String assigneeId,
                               @TargetAggregateVersion Long expectedVersion) {
}
