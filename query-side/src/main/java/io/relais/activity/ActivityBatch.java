package io.relais.activity;

import io.relais.alert.AlertKind;
import io.relais.projection.PastStates;
import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one batch of activity events changes, written when the batch commits: the activities' rows, the alerts
 * raised and dropped, and the latest activity done about each deal.
 */
final class ActivityBatch {

    /** A change to the users' alert feeds. */
    sealed interface AlertChange permits Raised, Dropped {
    }

    /** An alert raised by an event (its id is the event's), to a user. */
    record Raised(String eventId, String userId, AlertKind kind, String activityId, Instant dueAt,
                  Instant at) implements AlertChange {
    }

    /** An activity's alerts dropped from a user's feed. */
    record Dropped(String activityId, String userId) implements AlertChange {
    }

    final RecordRows<ActivityRow> activities;
    /** In the events' order: a reassignment drops what was raised before it. */
    final List<AlertChange> alerts = new ArrayList<>();
    /** Kept in deal order, so that two segments' batches lock the deals' rows in the same order and never deadlock. */
    final Map<String, Instant> lastDone = new TreeMap<>();
    /** The contacts whose personal data the batch's events erased. */
    final Set<String> erasedContacts = new TreeSet<>();

    ActivityBatch(Function<Set<String>, Collection<ActivityRow>> read, List<? extends Message<?>> events) {
        activities = new RecordRows<>(events, read);
    }

    /** A batch that starts with no row and is never written: for an activity's past state ({@link PastStates}). */
    static ActivityBatch inMemory() {
        return new ActivityBatch(ids -> List.of(), List.of());
    }

    void done(String opportunityId, Instant at) {
        if (opportunityId != null && at != null) {
            lastDone.merge(opportunityId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

}
