package io.relais.activity;

import java.time.Instant;

/** The reminder of an open task or meeting came due: its assignee is alerted. */
public record ActivityReminderDue(String activityId, String assigneeId, Instant dueAt) {
}
