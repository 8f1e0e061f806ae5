package io.relais.activity;

import java.time.Instant;

/** Something a user must see: a reminder that came due, or a task or meeting gone overdue. */
public record ActivityAlert(String id, AlertKind kind, String activityId, String subject, Instant dueAt,
                            Instant raisedAt) {

    public enum AlertKind {
        REMINDER,
        OVERDUE
    }
}
