package io.relais.activity;

import java.time.Instant;

/** An open task or meeting passed its due time: its assignee is alerted. */
public record ActivityOverdue(String activityId, String assigneeId, Instant dueAt) {
}
