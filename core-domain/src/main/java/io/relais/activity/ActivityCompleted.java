package io.relais.activity;

import java.time.Instant;

/** The task was done or the meeting held ({@code overdue}: after its due time). */
public record ActivityCompleted(String activityId, String outcome, Instant completedAt, boolean overdue) {
}
