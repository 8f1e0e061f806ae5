package io.relais.activity;

import java.time.Instant;

/**
 * An activity as the read model shows it: logged ones have {@code occurredAt}; scheduled ones a due time,
 * an owner (the assignee), a status, and when done, when and with what outcome ({@code overdue}: after its
 * due time).
 */
public record ActivityView(String id, long version, ActivityKind kind, ActivityStatus status, String subject,
                           String notes, String accountId, String contactId, String opportunityId, String ownerId,
                           Instant occurredAt, Instant dueAt, Instant remindAt, Instant completedAt, String outcome,
                           boolean overdue, Instant createdAt, String createdBy, Instant updatedAt) {
}
