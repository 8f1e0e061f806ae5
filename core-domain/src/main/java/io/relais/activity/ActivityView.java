package io.relais.activity;

import jakarta.annotation.Nullable;

import java.time.Instant;

/**
 * An activity as the read model shows it: logged ones have {@code occurredAt}; scheduled ones a due time,
 * an owner (the assignee), a status, and when done, when and with what outcome ({@code overdue}: after its
 * due time).
 *
 * @param personalDataErased the activity is about a contact whose personal data was erased: its subject, notes
 *                           and outcome are null for good; the rest of the activity stays
 */
public record ActivityView(String id, long version, ActivityKind kind, ActivityStatus status, @Nullable String subject,
                           @Nullable String notes, @Nullable String accountId, @Nullable String contactId,
                           @Nullable String opportunityId, String ownerId, @Nullable Instant occurredAt,
                           @Nullable Instant dueAt, @Nullable Instant remindAt, @Nullable Instant completedAt,
                           @Nullable String outcome, boolean overdue, Instant createdAt, String createdBy,
                           Instant updatedAt, boolean personalDataErased) {
}
