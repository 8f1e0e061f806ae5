package io.relais.opportunity;

import io.relais.projection.RunningTotals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deals as they stand now, added up (table {@code deal_total}): by owner, status, stage and figures, currency,
 * and month of the expected close (open deals) or of the closing (closed ones); and the closed deals by the stages
 * they had visited too ({@code closed_deal_total}). Kept by the opportunity projection.
 */
public final class DealTotals {

    /** How many of a deal's fields the data quality counts: a primary contact, an amount, line items, a margin. */
    public static final int RECOMMENDED_FIELDS = 4;

    static final RunningTotals TOTALS = new RunningTotals("deal_total", "opportunity_view where id = any(?)",
            keys(), sums());

    /**
     * The closed deals by owner, outcome, currency, month of the closing and the stages they had visited (table
     * {@code closed_deal_total}): the funnel's history.
     */
    static final RunningTotals CLOSED = new RunningTotals("closed_deal_total", "opportunity_view where id = any(?) "
            + "and status in ('WON', 'LOST')", closedKeys(), closedSums());

    private DealTotals() {
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("owner_id", "owner_id");
        keys.put("status", "status");
        keys.put("stage", "stage");
        keys.put("probability", "probability");
        keys.put("forecast_category", "forecast_category");
        keys.put("currency", "currency");
        keys.put("month", "cast(date_trunc('month', cast(case when status = 'OPEN' then expected_close_date "
                + "else closed_on end as timestamp)) as date)");
        return keys;
    }

    private static Map<String, String> closedKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("owner_id", "owner_id");
        keys.put("status", "status");
        keys.put("currency", "currency");
        keys.put("month", "cast(date_trunc('month', cast(closed_on as timestamp)) as date)");
        keys.put("stages_visited", "array_to_string(stages_visited, ',')");
        return keys;
    }

    private static Map<String, String> closedSums() {
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put("deals", "count(*)");
        sums.put("amount", "coalesce(sum(amount), 0)");
        sums.put("with_amount", "count(amount)");
        return sums;
    }

    private static Map<String, String> sums() {
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put("deals", "count(*)");
        sums.put("amount", "coalesce(sum(amount), 0)");
        sums.put("with_amount", "count(amount)");
        sums.put("margin", "coalesce(sum(margin), 0)");
        sums.put("with_margin", "count(margin)");
        sums.put("cycle_days", "coalesce(sum(closed_on - cast(created_at at time zone 'UTC' as date)), 0)");
        sums.put("fields_filled", "sum((primary_contact_id is not null)::int + (amount is not null)::int "
                + "+ (line_items <> '[]'::jsonb)::int + (margin is not null)::int)");
        return sums;
    }
}
