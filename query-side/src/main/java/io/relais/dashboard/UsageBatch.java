package io.relais.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The usage one batch of events adds up, per user and week, written once when the batch commits. */
final class UsageBatch {

    /** A user's week. */
    record Key(String userId, LocalDate week) {
    }

    final Map<Key, UsageWeek> counts = new LinkedHashMap<>();

    void count(String userId, LocalDate week, boolean created, boolean updated, boolean activity) {
        counts.merge(new Key(userId, week), new UsageWeek(week, created ? 1 : 0, updated ? 1 : 0, activity ? 1 : 0),
                UsageWeek::plus);
    }
}
