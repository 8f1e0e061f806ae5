package io.relais.activity;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest activity done about each deal in one batch of events, written when the batch commits. Kept in
 * deal order, so that two segments' batches lock the deals' rows in the same order and never deadlock.
 */
final class DealActivityBatch {

    final Map<String, Instant> lastDone = new TreeMap<>();

    void done(String opportunityId, Instant at) {
        if (opportunityId != null && at != null) {
            lastDone.merge(opportunityId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }
}
