package io.relais.timeline;

import io.relais.common.FieldChange;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One thing that happened, in a 360° timeline: what kind of record it concerns, the event, the record whose
 * history holds it (an account, a lead, a deal or an activity) and the version it gave that record, the
 * contact concerned if any (for account events), when, who (and on whose behalf, for system actions), the
 * request it came from, and what changed.
 *
 * @param personalDataErased the personal data of the person this entry is about (the lead, the contact, the
 *                           contact an activity is about) was erased after it: the changes of their personal
 *                           fields are left out
 */
public record TimelineEntry(
        String eventId,
        TimelineKind kind,
        String type,
        String recordId,
        long version,
        @Nullable String contactId,
        Instant occurredAt,
        String userId,
        @Nullable String onBehalfOf,
        String correlationId,
        @Nullable String causationId,
        List<FieldChange> changes,
        boolean personalDataErased) {
}
