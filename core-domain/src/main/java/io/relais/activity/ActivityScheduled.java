package io.relais.activity;

import java.time.Instant;

/** A task or meeting was planned for {@code assigneeId}. */
public record ActivityScheduled(String activityId, ActivityKind kind, String subject, String notes, ActivityLinks links,
                                Instant dueAt, String assigneeId, Instant remindAt) {
}
