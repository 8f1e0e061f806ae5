package io.relais.audit;

import io.relais.common.FieldChange;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One event as auditors read it: where it stands in the store, what happened to which record, when, who did it
 * (and on whose behalf, for the system's actions), the request it came from and its direct cause, the reason given
 * for the change, and every field it set with the value that field had before in the record's history.
 *
 * @param position     the event's position in the whole store: the paging cursor
 * @param type         the event, such as LeadDetailsUpdated
 * @param changeReason the Change-Reason header of the request, when it gave one
 * @param changes      every field the event sets whose value differs from the one before (its path in the event,
 *                     such as details.city), values as text; a value erased from personal data reads as null
 */
public record AuditEntry(
        long position,
        String eventId,
        String type,
        AuditRecord record,
        Instant occurredAt,
        String userId,
        @Nullable String onBehalfOf,
        @Nullable String correlationId,
        @Nullable String causationId,
        @Nullable String changeReason,
        List<FieldChange> changes) {
}
