package io.relais.duplicate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one batch of events changes in the duplicate tables: the latest state of each record it touched, the
 * records that left (merged, converted) and the pairs dismissed. Written when the batch commits; the pairs of
 * every touched account and lead are then evaluated once, against the tables as the batch leaves them.
 */
final class DuplicateBatch {

    /** A record's state to match on: its probe, its account for a contact, when it last changed. */
    record Touched(MatchProbe probe, String accountId, Instant at) {
    }

    /** A pair found not to be duplicates, by whom and when. */
    record Dismissal(RecordKind kind, String firstId, String secondId, String by, Instant at) {
    }

    final Map<RecordRef, Touched> touched = new LinkedHashMap<>();
    final Set<RecordRef> removed = new LinkedHashSet<>();
    final List<Dismissal> dismissals = new ArrayList<>();

    void touch(MatchProbe probe, String accountId, Instant at) {
        RecordRef ref = new RecordRef(probe.kind(), probe.recordId());
        removed.remove(ref);
        touched.put(ref, new Touched(probe, accountId, at));
    }

    /** What the batch has of the record: its state touched here, or nothing (empty) when it left here. */
    Optional<Optional<Touched>> find(RecordRef ref) {
        if (removed.contains(ref)) {
            return Optional.of(Optional.empty());
        }
        return Optional.ofNullable(touched.get(ref)).map(Optional::of);
    }

    void remove(RecordKind kind, String id) {
        RecordRef ref = new RecordRef(kind, id);
        touched.remove(ref);
        removed.add(ref);
    }

    void dismiss(RecordKind kind, String id, String otherId, String by, Instant at) {
        boolean ordered = id.compareTo(otherId) < 0;
        dismissals.add(new Dismissal(kind, ordered ? id : otherId, ordered ? otherId : id, by, at));
    }
}
