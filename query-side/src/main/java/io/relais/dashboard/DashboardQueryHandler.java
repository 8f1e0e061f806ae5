package io.relais.dashboard;

import io.relais.forecast.Conversion;
import io.relais.forecast.Conversions;
import io.relais.opportunity.SalesStages;
import io.relais.organisation.ReportingLines;
import io.relais.organisation.ReportingLinesReader;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers manager dashboards from the deal, activity, account, contact and usage read models. */
@Component
class DashboardQueryHandler {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Stale deals listed at most; the figures count them all. */
    private static final int STALEST = 100;

    private final DashboardRepository repository;
    private final UsageRepository usage;
    private final ReportingLinesReader reportingLines;
    private final Conversions conversions;
    private final SalesStages stages;

    DashboardQueryHandler(DashboardRepository repository, UsageRepository usage, ReportingLinesReader reportingLines,
                          Conversions conversions, SalesStages stages) {
        this.repository = repository;
        this.usage = usage;
        this.reportingLines = reportingLines;
        this.conversions = conversions;
        this.stages = stages;
    }

    @QueryHandler
    Optional<DashboardView> handle(FindDashboard query) {
        ReportingLines lines = reportingLines.current();
        if (!lines.seesTeamOf(query.viewer(), query.userId())) {
            return Optional.empty();
        }
        List<String> team = lines.subtree(query.userId());
        LocalDate today = query.now().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(query.weeks() - 1L);
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = firstWeek; !week.isAfter(today); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        Conversion conversion = conversions.on(today);
        DashboardRepository.StaleDeals stale = repository.staleDeals(team, team.stream()
                        .filter(member -> lines.seesLineOf(query.viewer(), member)).toList(),
                query.now().minus(Duration.ofDays(query.staleDays())), STALEST);
        List<DashboardRepository.OpenDeals> open = repository.openDeals(team);
        DashboardData data = new DashboardData(open,
                repository.closedDeals(team, query.period().start(), query.period().end()),
                repository.activitiesDone(team, firstWeek),
                repository.overdueTasks(team, query.now()), stale.counts(), repository.accountQuality(team),
                repository.contactQuality(team), DashboardRepository.Filled.ofDeals(open),
                usage.weeks(team, firstWeek), weeks, conversion);
        List<DashboardMember> members = new ArrayList<>();
        for (String member : team) {
            if (lines.seesLineOf(query.viewer(), member)) {
                ReportingLines.Member user = lines.member(member).orElseThrow();
                members.add(new DashboardMember(member, user.displayName(), user.managerId(),
                        data.figures(List.of(member)), data.figures(lines.subtree(member))));
            }
        }
        return Optional.of(new DashboardView(query.userId(), query.period().label(), query.period().start(),
                query.period().end(), firstWeek, query.staleDays(), query.now(), conversion.reportingCurrency(),
                data.figures(team), pipelineByStage(data.openDeals()), members, stale.stalest(),
                conversion.unconverted()));
    }

    /** The configured stages in order, then any stage deals are still in that is no longer configured. */
    private List<StagePipeline> pipelineByStage(List<DashboardRepository.OpenDeals> deals) {
        Map<String, StagePipeline> stagesInOrder = new LinkedHashMap<>();
        stages.open().forEach(stage -> stagesInOrder.put(stage.name(), new StagePipeline(stage.name(), 0,
                BigDecimal.ZERO, BigDecimal.ZERO)));
        for (DashboardRepository.OpenDeals group : deals) {
            StagePipeline added = new StagePipeline(group.stage(), group.deals(), group.amount(), group.amount()
                    .multiply(BigDecimal.valueOf(group.probability())).divide(HUNDRED));
            stagesInOrder.merge(group.stage(), added, (a, b) -> new StagePipeline(a.stage(), a.deals() + b.deals(),
                    a.amount().add(b.amount()), a.weighted().add(b.weighted())));
        }
        return stagesInOrder.values().stream().map(stage -> new StagePipeline(stage.stage(), stage.deals(),
                Conversion.money(stage.amount()), Conversion.money(stage.weighted()))).toList();
    }
}
