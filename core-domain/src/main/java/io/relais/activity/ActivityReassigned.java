package io.relais.activity;

/** Someone else now has the task or meeting. */
public record ActivityReassigned(String activityId, String assigneeId, String previousAssigneeId) {
}
