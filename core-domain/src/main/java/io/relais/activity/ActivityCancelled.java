package io.relais.activity;

/** The task or meeting was cancelled. */
public record ActivityCancelled(String activityId) {
}
