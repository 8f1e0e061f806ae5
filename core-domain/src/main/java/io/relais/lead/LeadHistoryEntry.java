package io.relais.lead;

import io.relais.common.FieldChange;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One event in a lead's life: which lead (a survivor's history includes its merged duplicates'), what
 * happened, which version it made, when, who did it (and on whose behalf, for system actions), and the
 * request it came from.
 *
 * @param personalDataErased the lead's personal data was erased after this event: the changes of its personal
 *                           fields are left out
 */
public record LeadHistoryEntry(
        String eventId,
        String leadId,
        long version,
        String type,
        Instant occurredAt,
        String userId,
        @Nullable String onBehalfOf,
        String correlationId,
        @Nullable String causationId,
        List<FieldChange> changes,
        boolean personalDataErased) {
}
