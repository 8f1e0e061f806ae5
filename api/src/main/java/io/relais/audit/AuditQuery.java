package io.relais.audit;

import io.relais.common.InvalidFieldException;

import java.time.Instant;
import java.util.Set;

/**
 * What the audit view is asked for: the filters (each null when not given; all given must match) and the page.
 *
 * @param userId       the acting user, or the user on whose behalf the system acted
 * @param payloadTypes the stored types of the events asked for; empty for every event
 * @param from         at or after
 * @param to           before
 */
record AuditQuery(AuditRecordType recordType, String recordId, String userId, String correlationId,
                  Set<String> payloadTypes, Instant from, Instant to, Paging paging) {

    AuditQuery {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidFieldException("to", "invalid-range", "to must be later than from");
        }
    }

    static AuditQuery of(AuditRecord record, Paging paging) {
        return new AuditQuery(record.type(), record.id(), null, null, Set.of(), null, null, paging);
    }

    /**
     * Which page: up to {@code size} entries after the position {@code after} or before {@code before} (at most
     * one of them given), else the newest or the oldest, shown oldest first or newest first.
     */
    record Paging(boolean oldestFirst, Long after, Long before, int size) {

        /** Whether the store is read upwards from a position: after one, or from the start when oldest first. */
        boolean upwards() {
            return after != null || (before == null && oldestFirst);
        }
    }
}
