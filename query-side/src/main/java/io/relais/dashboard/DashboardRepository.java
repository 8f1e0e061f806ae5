package io.relais.dashboard;

import io.relais.opportunity.DealTotals;
import io.relais.readmodel.TeamFigures;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The read models a dashboard reads: deals, activities, accounts and contacts of a team. */
@Repository
class DashboardRepository {

    /**
     * Open deals of one owner alike in stage, figures and currency: how many, their total amount, and how many of their
     * recommended fields are filled.
     */
    record OpenDeals(String ownerId, String stage, int probability, String category, String currency, int deals,
                     BigDecimal amount, long fieldsFilled) {
    }

    /**
     * Deals of one owner closed in the period alike in outcome and currency: how many, their total amount and
     * the total of their days from opening to closing.
     */
    record ClosedDeals(String ownerId, boolean won, String currency, int deals, BigDecimal amount, long cycleDays) {
    }

    /** How many of something an owner has, by kind (or one kind). */
    record Count(String ownerId, String kind, int count) {
    }

    /** The stale deals: how many each owner has, and those idle the longest. */
    record StaleDeals(List<Count> counts, List<StaleDeal> stalest) {
    }

    /** An owner's records of one kind: how many, and their recommended fields in all and filled. */
    record Filled(String ownerId, int records, long fields, long filled) {

        /** The open deals' data quality, added up from their groups. */
        static List<Filled> ofDeals(List<OpenDeals> open) {
            Map<String, Filled> byOwner = new TreeMap<>();
            open.forEach(group -> byOwner.merge(group.ownerId(), new Filled(group.ownerId(), group.deals(),
                    (long) group.deals() * DealTotals.RECOMMENDED_FIELDS, group.fieldsFilled()), (a, b) -> new Filled(
                    a.ownerId(), a.records() + b.records(), a.fields() + b.fields(), a.filled() + b.filled())));
            return List.copyOf(byOwner.values());
        }
    }

    private static final String ACCOUNT_FIELDS = "(details->>'billingAddress' is not null)::int "
            + "+ (details->>'phone' is not null)::int + (details->>'website' is not null)::int "
            + "+ (details->>'siret' is not null)::int + (details->>'nafCode' is not null)::int "
            + "+ (details->>'headcount' is not null)::int + (details->>'annualRevenue' is not null)::int "
            + "+ (details->>'paymentTerms' is not null)::int";
    private static final int ACCOUNT_FIELD_COUNT = 8;
    private static final String CONTACT_FIELDS = "(c.details->>'firstName' is not null)::int "
            + "+ (c.details->>'jobTitle' is not null)::int + (coalesce(c.details->>'emails', '[]') <> '[]')::int "
            + "+ (coalesce(c.details->>'phones', '[]') <> '[]')::int + (c.details->>'decisionRole' is not null)::int";
    private static final int CONTACT_FIELD_COUNT = 5;

    private final NamedParameterJdbcTemplate jdbc;

    DashboardRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = TeamFigures.jdbc(jdbc);
    }

    List<OpenDeals> openDeals(Collection<String> owners) {
        return jdbc.query("select owner_id, stage, probability, forecast_category, currency, deals, amount, "
                        + "fields_filled from open_deal_total where owner_id in (:owners)",
                new MapSqlParameterSource("owners", owners), (rs, row) -> new OpenDeals(rs.getString(1),
                        rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                        rs.getBigDecimal(7), rs.getLong(8)));
    }

    /** The deals closed in the months from {@code start} to {@code end}. */
    List<ClosedDeals> closedDeals(Collection<String> owners, LocalDate start, LocalDate end) {
        return jdbc.query("select owner_id, status, currency, sum(deals), sum(amount), sum(cycle_days) from deal_total "
                        + "where status in ('WON', 'LOST') and month >= :start and month < :end and owner_id in "
                        + "(:owners) group by owner_id, status, currency",
                new MapSqlParameterSource("owners", owners).addValue("start", Date.valueOf(start))
                        .addValue("end", Date.valueOf(end)), (rs, row) -> new ClosedDeals(rs.getString(1),
                        "WON".equals(rs.getString(2)), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
                        rs.getLong(6)));
    }

    /** Activities done in the weeks from the one starting on {@code firstWeek} (a Monday), by owner and kind. */
    List<Count> activitiesDone(Collection<String> owners, LocalDate firstWeek) {
        return jdbc.query("select owner_id, kind, sum(activities) from activity_done_week where week >= :week and "
                        + "owner_id in (:owners) group by owner_id, kind",
                new MapSqlParameterSource("owners", owners).addValue("week", Date.valueOf(firstWeek)),
                (rs, row) -> new Count(rs.getString(1), rs.getString(2), rs.getInt(3)));
    }

    /** Open tasks past their due time, by owner. */
    List<Count> overdueTasks(Collection<String> owners, Instant now) {
        return jdbc.query("select owner_id, count(*) from activity_view where kind = 'TASK' and status = 'OPEN' and "
                        + "due_at < :now and owner_id in (:owners) group by owner_id",
                new MapSqlParameterSource("owners", owners).addValue("now", Timestamp.from(now)),
                (rs, row) -> new Count(rs.getString(1), "TASK", rs.getInt(2)));
    }

    /**
     * The open deals of {@code owners} whose last activity done was before {@code cutoff}, or, without any, that were
     * opened before it: how many each owner has, and the {@code limit} idle the longest among those of {@code listed}
     * (some of the owners), in one reading of {@code deal_idleness}.
     */
    StaleDeals staleDeals(Collection<String> owners, Collection<String> listed, Instant cutoff, int limit) {
        List<Count> counts = new ArrayList<>();
        Map<Integer, StaleDeal> stalest = new TreeMap<>();
        jdbc.query("select owner_id, count(*) as deals, 0 as position, null as id, null as name, null as stage, "
                        + "null as currency, null as amount, null as opened_at, null as last_done_at from deal_idleness "
                        + "where open and owner_id in (:owners) and idle_since < :cutoff group by owner_id union all "
                        + "select o.owner_id, 0, i.position, o.id, o.name, o.stage, o.currency, o.amount, i.opened_at, "
                        + "i.last_done_at from (select opportunity_id, opened_at, last_done_at, row_number() over (order "
                        + "by idle_since, opportunity_id) as position from (select * from deal_idleness where open and "
                        + (listed.isEmpty() ? "false" : "owner_id in (:listed)") + " and idle_since < :cutoff order by "
                        + "idle_since, opportunity_id limit :limit) idle) i join opportunity_view o on o.id = "
                        + "i.opportunity_id",
                new MapSqlParameterSource("owners", owners).addValue("listed", listed)
                        .addValue("cutoff", Timestamp.from(cutoff)).addValue("limit", limit),
                rs -> {
                    if (rs.getString("id") == null) {
                        counts.add(new Count(rs.getString("owner_id"), "STALE", rs.getInt("deals")));
                    } else {
                        stalest.put(rs.getInt("position"), new StaleDeal(rs.getString("id"), rs.getString("name"),
                                rs.getString("owner_id"), rs.getString("stage"), rs.getString("currency"),
                                rs.getBigDecimal("amount"), rs.getTimestamp("opened_at").toInstant(),
                                rs.getTimestamp("last_done_at") == null ? null
                                        : rs.getTimestamp("last_done_at").toInstant()));
                    }
                });
        return new StaleDeals(counts, List.copyOf(stalest.values()));
    }

    List<Filled> accountQuality(Collection<String> owners) {
        return filled("select owner_id, count(*), sum(" + ACCOUNT_FIELDS + ") from account_view where merged_into is "
                + "null and owner_id in (:owners) group by owner_id", owners, ACCOUNT_FIELD_COUNT);
    }

    List<Filled> contactQuality(Collection<String> owners) {
        return filled("select a.owner_id, count(*), sum(" + CONTACT_FIELDS + ") from contact_view c join account_view a "
                + "on a.id = c.account_id where a.merged_into is null and a.owner_id in (:owners) group by a.owner_id",
                owners, CONTACT_FIELD_COUNT);
    }

    private List<Filled> filled(String sql, Collection<String> owners, int fieldsPerRecord) {
        return jdbc.query(sql, new MapSqlParameterSource("owners", owners), (rs, row) -> new Filled(rs.getString(1),
                rs.getInt(2), rs.getLong(2) * fieldsPerRecord, rs.getLong(3)));
    }
}
