package io.relais.organisation;

/** All open records of {@code fromUserId} are to go to {@code toUserId}; a process manager moves them. */
public record RecordsReassignmentRequested(String fromUserId, String toUserId) {
}
