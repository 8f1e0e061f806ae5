package io.relais.forecast;

import io.relais.common.PageRequest;
import io.relais.readmodel.Listing;
import io.relais.readmodel.TeamFigures;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The forecasts' tables: exchange rates, targets, and the deal history and activities they read. */
@Repository
class ForecastRepository {

    private static final String RATE_COLUMNS = "currency, valid_from, rate, reporting_currency, version, set_at, set_by";
    private static final String TARGET_COLUMNS = "user_id, period, amount, currency, version, set_at, set_by";
    private static final String DEAL_COLUMNS = "owner_id, currency, amount, margin, expected_close_date, stage, "
            + "probability, forecast_category, status, closed_on, stages_visited";
    /** The deals of {@code owners} as they stand. */
    private static final String CURRENT = " from (select id as opportunity_id, " + DEAL_COLUMNS + " from "
            + "opportunity_view where owner_id in (:owners)) deal where true";
    /** The versions of the deals of {@code owners} in force at {@code asOf}. */
    private static final String IN_FORCE = " from opportunity_history where valid_from <= :asOf "
            + "and (valid_to is null or valid_to > :asOf) and owner_id in (:owners)";
    private static final String PERIOD = " and ((status = 'OPEN' and expected_close_date >= :start and "
            + "expected_close_date < :end) or (status = 'WON' and closed_on >= :start and closed_on < :end))";
    private static final String FIGURES = "owner_id, currency, status, stage, probability, forecast_category";
    /** The amount (margin) added up from deal totals: null when no deal has one, as a sum over the deals. */
    private static final String TOTAL_AMOUNT = "case when sum(with_amount) = 0 then null else sum(amount) end";
    private static final String TOTAL_MARGIN = "case when sum(with_margin) = 0 then null else sum(margin) end";

    private final NamedParameterJdbcTemplate jdbc;

    ForecastRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = TeamFigures.jdbc(jdbc);
    }

    void saveRate(ExchangeRateSet event, long version, Instant at, String by) {
        jdbc.update("insert into exchange_rate (" + RATE_COLUMNS + ") values (:currency, :from, :rate, :reporting, "
                        + ":version, :at, :by) on conflict (reporting_currency, currency, valid_from) do update set "
                        + "rate = excluded.rate, version = excluded.version, set_at = excluded.set_at, set_by = excluded.set_by",
                new MapSqlParameterSource("currency", event.currency()).addValue("from", Date.valueOf(event.validFrom()))
                        .addValue("rate", event.rate()).addValue("reporting", event.reportingCurrency())
                        .addValue("version", version)
                        .addValue("at", Timestamp.from(at)).addValue("by", by));
    }

    void saveTarget(SalesTargetSet event, long version, Instant at, String by) {
        jdbc.update("insert into sales_target (" + TARGET_COLUMNS + ") values (:user, :period, :amount, :currency, "
                        + ":version, :at, :by) on conflict (user_id, period) do update set amount = excluded.amount, "
                        + "currency = excluded.currency, version = excluded.version, set_at = excluded.set_at, set_by = excluded.set_by",
                new MapSqlParameterSource("user", event.userId()).addValue("period", event.period())
                        .addValue("amount", event.amount()).addValue("currency", event.currency()).addValue("version", version)
                        .addValue("at", Timestamp.from(at)).addValue("by", by));
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate exchange_rate, sales_target");
    }

    ExchangeRatePage rates(String reportingCurrency, PageRequest page) {
        return Listing.select(jdbc, RATE_COLUMNS, "exchange_rate").equal("reporting_currency", reportingCurrency)
                .page("currency, valid_from", page, ForecastRepository::mapRate, ExchangeRatePage::new);
    }

    Optional<CurrencyRates> ratesOf(String reportingCurrency, String currency) {
        List<ExchangeRateView> rates = jdbc.query("select " + RATE_COLUMNS + " from exchange_rate where "
                        + "reporting_currency = :reporting and currency = :currency order by valid_from",
                Map.of("reporting", reportingCurrency, "currency", currency), ForecastRepository::mapRate);
        return rates.isEmpty() ? Optional.empty() : Optional.of(new CurrencyRates(currency, reportingCurrency,
                rates.stream().mapToLong(ExchangeRateView::version).max().orElseThrow(), rates));
    }

    /** The rate of each currency in force on {@code date}: the latest one taking effect on or before it. */
    Map<String, ExchangeRateView> ratesOn(String reportingCurrency, LocalDate date) {
        Map<String, ExchangeRateView> rates = new LinkedHashMap<>();
        jdbc.query("select distinct on (currency) " + RATE_COLUMNS + " from exchange_rate where reporting_currency = "
                        + ":reporting and valid_from <= :date order by currency, valid_from desc",
                new MapSqlParameterSource("reporting", reportingCurrency).addValue("date", Date.valueOf(date)),
                rs -> {
                    ExchangeRateView rate = mapRate(rs, 0);
                    rates.put(rate.currency(), rate);
                });
        return rates;
    }

    List<SalesTargetView> targets(String period, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("users", userIds);
        String where = " where user_id in (:users)";
        if (period != null) {
            where += " and period = :period";
            params.addValue("period", period);
        }
        return jdbc.query("select " + TARGET_COLUMNS + " from sales_target" + where + " order by user_id, period",
                params, ForecastRepository::mapTarget);
    }

    SalesTargetPage targets(String period, Collection<String> userIds, PageRequest page) {
        if (userIds.isEmpty()) {
            return new SalesTargetPage(List.of(), page.page(), page.size(), 0);
        }
        return Listing.select(jdbc, TARGET_COLUMNS, "sales_target").where("user_id in (:users)", "users", userIds)
                .equal("period", period)
                .page("user_id, period", page, ForecastRepository::mapTarget, SalesTargetPage::new);
    }

    /**
     * The deals of {@code owners} as they stood at {@code asOf} that count in the period (won in it, or open and
     * expected to close in it), in groups alike in owner, currency, status, stage and forecast figures.
     */
    List<DealGroup> dealGroupsOfPeriod(Collection<String> owners, Instant asOf, ForecastPeriod period) {
        return inForceAt(asOf, () -> dealsOfPeriod(owners, asOf, period, "select " + FIGURES + ", sum(deals) as deals, "
                        + TOTAL_AMOUNT + " as amount, " + TOTAL_MARGIN + " as margin, sum(with_margin) as with_margin "
                        + "from deal_total where owner_id in (:owners) and status in ('OPEN', 'WON') and month >= :start "
                        + "and month < :end group by " + FIGURES),
                () -> dealsOfPeriod(owners, asOf, period, "select " + FIGURES + ", count(*) as deals, sum(amount) as "
                        + "amount, sum(margin) as margin, count(margin) as with_margin" + IN_FORCE + PERIOD + " group by "
                        + FIGURES));
    }

    /**
     * The same deals of the whole team, in groups alike in currency, status, stage and forecast figures, and, for the
     * open deals, amount. As the deals stand, the won deals are added up from their totals.
     */
    List<DealGroup> dealsOfPeriodByAmount(Collection<String> owners, Instant asOf, ForecastPeriod period) {
        String select = "select cast(null as varchar) as owner_id, currency, status, stage, probability, "
                + "forecast_category, amount as each_amount, count(*) as deals, sum(amount) as amount, sum(margin) as "
                + "margin, count(margin) as with_margin";
        String grouping = " group by 2, 3, 4, 5, 6, 7";
        String order = " order by 2, 3, 4, 5, 6, 7 nulls first";
        String wonTotals = " union all select null, currency, status, stage, probability, forecast_category, null, "
                + "sum(deals), " + TOTAL_AMOUNT + ", " + TOTAL_MARGIN + ", sum(with_margin) from deal_total where "
                + "owner_id in (:owners) and status = 'WON' and month >= :start and month < :end group by 2, 3, 4, 5, 6";
        return inForceAt(asOf, () -> dealsOfPeriod(owners, asOf, period, select + CURRENT + " and status = 'OPEN' and "
                        + "expected_close_date >= :start and expected_close_date < :end" + grouping + wonTotals + order),
                () -> dealsOfPeriod(owners, asOf, period, select + IN_FORCE + PERIOD + grouping + order));
    }

    private List<DealGroup> dealsOfPeriod(Collection<String> owners, Instant asOf, ForecastPeriod period, String sql) {
        if (owners.isEmpty()) {
            return List.of();
        }
        return jdbc.query(sql, new MapSqlParameterSource("owners", owners).addValue("asOf", Timestamp.from(asOf))
                        .addValue("start", Date.valueOf(period.start())).addValue("end", Date.valueOf(period.end())),
                (rs, row) -> new DealGroup(rs.getString("owner_id"), rs.getString("currency"), rs.getString("status"),
                        rs.getString("stage"), rs.getInt("probability"), rs.getString("forecast_category"),
                        rs.getInt("deals"), rs.getBigDecimal("amount"), rs.getBigDecimal("margin"),
                        rs.getInt("with_margin")));
    }

    /**
     * The deals of {@code owners} closed (as they stood at {@code asOf}) from {@code from} to {@code asOf}, in
     * groups alike in outcome, currency and the furthest of {@code stages} they had been in. As the deals stand, those
     * closed in whole months are added up from their totals, and only those closed before the first of them are read.
     */
    List<ClosedDeals> closedDeals(Collection<String> owners, LocalDate from, Instant asOf, List<String> stages) {
        if (owners.isEmpty()) {
            return List.of();
        }
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        MapSqlParameterSource parameters = new MapSqlParameterSource("owners", owners)
                .addValue("from", Date.valueOf(from)).addValue("firstMonth", Date.valueOf(firstMonth))
                .addValue("asOf", Timestamp.from(asOf)).addValue("stages", stages.toArray(String[]::new));
        // alike in stages visited first: the furthest is then found once per group, not once per deal
        String furthest = "select status, currency, coalesce((select max(array_position(cast(:stages as varchar[]), "
                + "stage)) from unnest(string_to_array(visited, ',')) stage), 0) - 1 as furthest, sum(deals) as "
                + "deals, sum(amount) as amount from (";
        String closed = " and status in ('WON', 'LOST') and closed_on >= :from";
        String deals = "select status, currency, array_to_string(stages_visited, ',') as visited, count(*) as deals, "
                + "sum(amount) as amount";
        String alike = " group by 1, 2, 3) alike group by 1, 2, 3";
        RowMapper<ClosedDeals> mapper = (rs, row) -> new ClosedDeals("WON".equals(rs.getString("status")),
                rs.getString("currency"), rs.getInt("furthest"), rs.getInt("deals"), rs.getBigDecimal("amount"));
        String wholeMonths = "select status, currency, stages_visited as visited, sum(deals) as deals, " + TOTAL_AMOUNT
                + " as amount from closed_deal_total where owner_id in (:owners) and month >= :firstMonth group by 1, 2, "
                + "3 union all ";
        return inForceAt(asOf, () -> jdbc.query(furthest + wholeMonths + deals + CURRENT + closed
                        + " and closed_on < :firstMonth" + alike, parameters, mapper),
                () -> jdbc.query(furthest + deals + IN_FORCE + closed + alike, parameters, mapper));
    }

    /**
     * What {@code current} reads from the deals as they stand when no deal has changed after {@code asOf}: the deals
     * in force then are the deals now. Checked again after the read, which a change committed meanwhile could have
     * reached; otherwise, or then, what {@code versions} reads from the versions in force at {@code asOf}.
     */
    private <T> T inForceAt(Instant asOf, Supplier<T> current, Supplier<T> versions) {
        if (!changedAfter(asOf)) {
            T read = current.get();
            if (!changedAfter(asOf)) {
                return read;
            }
        }
        return versions.get();
    }

    private boolean changedAfter(Instant asOf) {
        Timestamp latest = jdbc.getJdbcTemplate().queryForObject("select max(valid_from) from opportunity_history",
                Timestamp.class);
        return latest != null && latest.toInstant().isAfter(asOf);
    }

    /**
     * Meetings of {@code owners} held (logged, or scheduled and done) from {@code from} until {@code asOf}: in the
     * whole weeks between, from the totals of activities done; before and after them, one by one.
     */
    int meetingsHeld(Collection<String> owners, LocalDate from, Instant asOf) {
        if (owners.isEmpty()) {
            return 0;
        }
        LocalDate firstWeek = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastWeek = asOf.atOffset(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (!firstWeek.isBefore(lastWeek)) {
            firstWeek = from;
            lastWeek = from;
        }
        Integer inWholeWeeks = jdbc.queryForObject("select coalesce(sum(activities), 0) from activity_done_week where "
                + "kind = 'MEETING' and owner_id in (:owners) and week >= :firstWeek and week < :lastWeek",
                new MapSqlParameterSource("owners", owners).addValue("firstWeek", Date.valueOf(firstWeek))
                        .addValue("lastWeek", Date.valueOf(lastWeek)), Integer.class);
        return inWholeWeeks + meetings(owners, "status = 'DONE' and ((coalesce(completed_at, occurred_at) >= :from "
                        + "and coalesce(completed_at, occurred_at) < :firstWeek) or (coalesce(completed_at, occurred_at) "
                        + ">= :lastWeek and coalesce(completed_at, occurred_at) <= :asOf))",
                new MapSqlParameterSource("from", startOf(from)).addValue("firstWeek", startOf(firstWeek))
                        .addValue("lastWeek", startOf(lastWeek)).addValue("asOf", Timestamp.from(asOf)));
    }

    /**
     * Meetings of {@code owners} booked by {@code asOf}, due from then until {@code until} and about no deal,
     * that were still to be held at {@code asOf}.
     */
    int meetingsBooked(Collection<String> owners, Instant asOf, LocalDate until) {
        return meetings(owners, "opportunity_id is null and created_at <= :asOf and due_at >= :asOf "
                        + "and due_at < :until and (status = 'OPEN' or (status = 'DONE' and completed_at > :asOf))",
                new MapSqlParameterSource("asOf", Timestamp.from(asOf)).addValue("until", startOf(until)));
    }

    /** How many meetings of {@code owners} meet {@code condition}. */
    private int meetings(Collection<String> owners, String condition, MapSqlParameterSource parameters) {
        if (owners.isEmpty()) {
            return 0;
        }
        return jdbc.queryForObject("select count(*) from activity_view where kind = 'MEETING' and owner_id in "
                + "(:owners) and " + condition, parameters.addValue("owners", owners), Integer.class);
    }

    private static Timestamp startOf(LocalDate date) {
        return Timestamp.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static ExchangeRateView mapRate(ResultSet rs, int row) throws SQLException {
        return new ExchangeRateView(rs.getString("currency"), rs.getDate("valid_from").toLocalDate(),
                rs.getBigDecimal("rate").stripTrailingZeros(), rs.getString("reporting_currency"), rs.getLong("version"),
                rs.getTimestamp("set_at").toInstant(), rs.getString("set_by"));
    }

    private static SalesTargetView mapTarget(ResultSet rs, int row) throws SQLException {
        return new SalesTargetView(rs.getString("user_id"), rs.getString("period"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getLong("version"), rs.getTimestamp("set_at").toInstant(),
                rs.getString("set_by"));
    }
}
