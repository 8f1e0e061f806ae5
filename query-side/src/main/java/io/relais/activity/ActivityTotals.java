package io.relais.activity;

import io.relais.projection.RunningTotals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The activities done, counted by owner, kind and week (from Monday, UTC) of their completion (table
 * {@code activity_done_week}). Kept by the activity projection.
 */
final class ActivityTotals {

    static final RunningTotals DONE_BY_WEEK = new RunningTotals("activity_done_week", "activity_view where id = "
            + "any(?) and status = 'DONE' and coalesce(completed_at, occurred_at) is not null", keys(),
            Map.of("activities", "count(*)"));

    private ActivityTotals() {
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("owner_id", "owner_id");
        keys.put("kind", "kind");
        keys.put("week", "cast(date_trunc('week', coalesce(completed_at, occurred_at) at time zone 'UTC') as date)");
        return keys;
    }
}
