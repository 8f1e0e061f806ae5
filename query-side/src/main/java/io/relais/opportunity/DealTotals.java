package io.relais.opportunity;

import io.relais.projection.RunningTotals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deals as they stand now, added up, kept by the opportunity projection: all of them by owner, status, stage and
 * figures, currency, and month of the expected close (open deals) or of the closing (closed ones), for forecasts
 * ({@code deal_total}); the open deals without the month, for dashboards ({@code open_deal_total}); the closed deals
 * by the stages they had visited, for the funnel's history ({@code closed_deal_total}).
 */
public final class DealTotals {

    /** How many of a deal's fields the data quality counts: a primary contact, an amount, line items, a margin. */
    public static final int RECOMMENDED_FIELDS = 4;

    private static final String AMOUNT = "coalesce(sum(amount), 0)";

    static final RunningTotals TOTALS = new RunningTotals("deal_total", "opportunity_view where id = any(?)",
            columns("owner_id", "owner_id", "status", "status", "stage", "stage", "probability", "probability",
                    "forecast_category", "forecast_category", "currency", "currency",
                    "month", "cast(date_trunc('month', cast(case when status = 'OPEN' then expected_close_date "
                            + "else closed_on end as timestamp)) as date)"),
            columns("deals", "count(*)", "amount", AMOUNT, "with_amount", "count(amount)",
                    "margin", "coalesce(sum(margin), 0)", "with_margin", "count(margin)",
                    "cycle_days", "coalesce(sum(closed_on - cast(created_at at time zone 'UTC' as date)), 0)"));

    static final RunningTotals OPEN = new RunningTotals("open_deal_total", "opportunity_view where id = any(?) "
            + "and status = 'OPEN'", columns("owner_id", "owner_id", "stage", "stage", "probability", "probability",
            "forecast_category", "forecast_category", "currency", "currency"),
            columns("deals", "count(*)", "amount", AMOUNT, "fields_filled",
                    "sum((primary_contact_id is not null)::int + (amount is not null)::int "
                            + "+ (line_items <> '[]'::jsonb)::int + (margin is not null)::int)"));

    static final RunningTotals CLOSED = new RunningTotals("closed_deal_total", "opportunity_view where id = any(?) "
            + "and status in ('WON', 'LOST')", columns("owner_id", "owner_id", "status", "status",
            "currency", "currency", "month", "cast(date_trunc('month', cast(closed_on as timestamp)) as date)",
            "stages_visited", "array_to_string(stages_visited, ',')"),
            columns("deals", "count(*)", "amount", AMOUNT, "with_amount", "count(amount)"));

    private DealTotals() {
    }

    /** Each column and the expression that gives it, in pairs. */
    private static Map<String, String> columns(String... namesAndExpressions) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndExpressions.length; i += 2) {
            columns.put(namesAndExpressions[i], namesAndExpressions[i + 1]);
        }
        return columns;
    }
}
