package io.relais.dashboard;

import io.relais.forecast.Conversion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a dashboard read for its team, by owner, and the figures of any group of owners drawn from it. */
final class DashboardData {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int RATE_SCALE = 4;

    private final Map<String, List<DashboardRepository.OpenDeals>> open;
    private final Map<String, List<DashboardRepository.ClosedDeals>> closed;
    private final Map<String, List<DashboardRepository.Count>> activities;
    private final Map<String, Integer> overdue = new HashMap<>();
    private final Map<String, Integer> stale = new HashMap<>();
    private final Map<String, DashboardRepository.Filled> accounts;
    private final Map<String, DashboardRepository.Filled> contacts;
    private final Map<String, DashboardRepository.Filled> deals;
    private final Map<String, List<UsageWeek>> usage;
    private final List<LocalDate> weeks;
    private final Conversion conversion;

    DashboardData(List<DashboardRepository.OpenDeals> open, List<DashboardRepository.ClosedDeals> closed,
                  List<DashboardRepository.Count> activities, List<DashboardRepository.Count> overdue,
                  List<DashboardRepository.Count> stale, List<DashboardRepository.Filled> accounts,
                  List<DashboardRepository.Filled> contacts, List<DashboardRepository.Filled> deals,
                  List<UsageRepository.Row> usage, List<LocalDate> weeks, Conversion conversion) {
        this.conversion = conversion;
        this.open = open.stream().flatMap(group -> converted(group.currency(), group.deals(), group.amount()).stream()
                        .map(amount -> new DashboardRepository.OpenDeals(group.ownerId(), group.stage(),
                                group.probability(), group.category(), conversion.reportingCurrency(), group.deals(),
                                amount, group.fieldsFilled())))
                .collect(Collectors.groupingBy(DashboardRepository.OpenDeals::ownerId));
        this.closed = closed.stream().flatMap(group -> converted(group.currency(), group.deals(), group.amount()).stream()
                        .map(amount -> new DashboardRepository.ClosedDeals(group.ownerId(), group.won(),
                                conversion.reportingCurrency(), group.deals(), amount, group.cycleDays())))
                .collect(Collectors.groupingBy(DashboardRepository.ClosedDeals::ownerId));
        this.activities = activities.stream().collect(Collectors.groupingBy(DashboardRepository.Count::ownerId));
        overdue.forEach(count -> this.overdue.put(count.ownerId(), count.count()));
        stale.forEach(count -> this.stale.put(count.ownerId(), count.count()));
        this.accounts = byOwner(accounts);
        this.contacts = byOwner(contacts);
        this.deals = byOwner(deals);
        this.usage = usage.stream().collect(Collectors.groupingBy(UsageRepository.Row::userId,
                Collectors.mapping(UsageRepository.Row::week, Collectors.toList())));
        this.weeks = weeks;
    }

    /** The team's open deals whose amount could be converted, in the reporting currency. */
    List<DashboardRepository.OpenDeals> openDeals() {
        return open.values().stream().flatMap(List::stream).toList();
    }

    DashboardFigures figures(Collection<String> owners) {
        BigDecimal pipeline = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        int openDeals = 0;
        for (DashboardRepository.OpenDeals deals : of(open, owners)) {
            if (!"OMITTED".equals(deals.category())) {
                openDeals += deals.deals();
                pipeline = pipeline.add(deals.amount());
                weighted = weighted.add(deals.amount().multiply(BigDecimal.valueOf(deals.probability()))
                        .divide(HUNDRED));
            }
        }
        int won = 0;
        int lost = 0;
        long cycleDays = 0;
        BigDecimal wonAmount = BigDecimal.ZERO;
        for (DashboardRepository.ClosedDeals deals : of(closed, owners)) {
            if (deals.won()) {
                won += deals.deals();
                cycleDays += deals.cycleDays();
                wonAmount = wonAmount.add(deals.amount());
            } else {
                lost += deals.deals();
            }
        }
        Map<String, Integer> activityCounts = new TreeMap<>();
        of(activities, owners).forEach(count -> activityCounts.merge(count.kind(), count.count(), Integer::sum));
        return new DashboardFigures(openDeals, Conversion.money(pipeline), Conversion.money(weighted), won, lost,
                ratio(won, won + lost), Conversion.money(wonAmount),
                won == 0 ? null : Conversion.money(wonAmount.divide(BigDecimal.valueOf(won), 8,
                        RoundingMode.HALF_EVEN)),
                won == 0 ? null : BigDecimal.valueOf(cycleDays).divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_EVEN),
                activityCounts, sum(overdue, owners), sum(stale, owners),
                new DataQuality(completeness(accounts, owners), completeness(contacts, owners),
                        completeness(deals, owners)), usage(owners));
    }

    /** The amount in the reporting currency (a deal without an amount counts zero); empty without a rate. */
    private Optional<BigDecimal> converted(String currency, int deals, BigDecimal amount) {
        return conversion.rateOf(currency, deals).map(rate -> amount == null ? BigDecimal.ZERO
                : Conversion.convert(amount, rate));
    }

    /** Every week of the window, those without usage included, with the owners' usage added up. */
    private List<UsageWeek> usage(Collection<String> owners) {
        Map<LocalDate, UsageWeek> totals = new TreeMap<>();
        weeks.forEach(week -> totals.put(week, new UsageWeek(week, 0, 0, 0)));
        for (UsageWeek week : of(usage, owners)) {
            totals.merge(week.weekStart(), week, UsageWeek::plus);
        }
        return List.copyOf(totals.values());
    }

    private static Completeness completeness(Map<String, DashboardRepository.Filled> filled, Collection<String> owners) {
        int records = 0;
        long fields = 0;
        long done = 0;
        for (String owner : owners) {
            DashboardRepository.Filled row = filled.get(owner);
            if (row != null) {
                records += row.records();
                fields += row.fields();
                done += row.filled();
            }
        }
        return new Completeness(records, fields, done, fields == 0 ? null : BigDecimal.valueOf(done)
                .divide(BigDecimal.valueOf(fields), RATE_SCALE, RoundingMode.HALF_EVEN));
    }

    private static <T> List<T> of(Map<String, List<T>> byOwner, Collection<String> owners) {
        return owners.stream().flatMap(owner -> byOwner.getOrDefault(owner, List.of()).stream()).toList();
    }

    private static int sum(Map<String, Integer> counts, Collection<String> owners) {
        return owners.stream().mapToInt(owner -> counts.getOrDefault(owner, 0)).sum();
    }

    private static BigDecimal ratio(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE,
                RoundingMode.HALF_EVEN);
    }

    private static Map<String, DashboardRepository.Filled> byOwner(List<DashboardRepository.Filled> rows) {
        return rows.stream().collect(Collectors.toMap(DashboardRepository.Filled::ownerId, Function.identity()));
    }
}
