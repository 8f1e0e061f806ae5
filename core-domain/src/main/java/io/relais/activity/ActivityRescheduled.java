package io.relais.activity;

import java.time.Instant;

/** The task or meeting moved. */
public record ActivityRescheduled(String activityId, Instant previousDueAt, Instant dueAt, Instant remindAt) {
}
