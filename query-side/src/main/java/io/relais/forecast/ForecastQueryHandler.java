package io.relais.forecast;

import io.relais.common.PageRequest;
import io.relais.opportunity.SalesStage;
import io.relais.opportunity.SalesStages;
import io.relais.organisation.ReportingLines;
import io.relais.organisation.ReportingLinesReader;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Answers forecasts, funnels, exchange rates and targets. */
@Component
class ForecastQueryHandler {

    private final ForecastRepository repository;
    private final ReportingLinesReader reportingLines;
    private final ReportingCurrency reportingCurrency;
    private final SalesStages stages;
    private final Conversions conversions;

    ForecastQueryHandler(ForecastRepository repository, ReportingLinesReader reportingLines,
                         ReportingCurrency reportingCurrency, SalesStages stages, Conversions conversions) {
        this.repository = repository;
        this.reportingLines = reportingLines;
        this.reportingCurrency = reportingCurrency;
        this.stages = stages;
        this.conversions = conversions;
    }

    @QueryHandler
    Optional<ForecastView> handle(FindForecast query) {
        ReportingLines lines = reportingLines.current();
        if (!lines.seesTeamOf(query.viewer(), query.userId())) {
            return Optional.empty();
        }
        List<String> team = lines.subtree(query.userId());
        Conversion conversion = conversions.on(query.asOf().atOffset(ZoneOffset.UTC).toLocalDate());
        Map<String, List<ConvertedDeal>> byOwner = convert(repository.dealGroupsOfPeriod(team, query.asOf(),
                query.period()), conversion).stream().collect(Collectors.groupingBy(deal -> deal.deal().ownerId()));
        Map<String, BigDecimal> targets = targets(query.period(), team);
        List<ForecastLine> visible = new ArrayList<>();
        for (String member : team) {
            if (lines.seesLineOf(query.viewer(), member)) {
                ReportingLines.Member user = lines.member(member).orElseThrow();
                visible.add(new ForecastLine(member, user.displayName(), user.managerId(),
                        FigureSum.of(byOwner.getOrDefault(member, List.of())),
                        FigureSum.of(dealsOf(lines.subtree(member), byOwner)), targets.get(member)));
            }
        }
        return Optional.of(new ForecastView(query.userId(), query.period().label(), query.period().start(),
                query.period().end(), query.asOf(), conversion.reportingCurrency(), FigureSum.of(dealsOf(team, byOwner)),
                targets.get(query.userId()), visible, conversion.used(), conversion.unconverted()));
    }

    @QueryHandler
    Optional<FunnelView> handle(FindFunnel query) {
        ReportingLines lines = reportingLines.current();
        if (!lines.seesTeamOf(query.viewer(), query.userId())) {
            return Optional.empty();
        }
        List<String> team = lines.subtree(query.userId());
        LocalDate asOfDay = query.asOf().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate historyFrom = asOfDay.minusMonths(query.months());
        Conversion conversion = conversions.on(asOfDay);
        List<ConvertedDeal> period = convert(repository.dealsOfPeriodByAmount(team, query.asOf(), query.period()),
                conversion);
        FunnelHistory history = new FunnelHistory(repository.closedDeals(team, historyFrom, query.asOf(),
                stages.open().stream().map(SalesStage::name).toList()),
                repository.meetingsHeld(team, historyFrom, query.asOf()), conversion);
        int booked = repository.meetingsBooked(team, query.asOf(), query.period().end());
        FunnelEstimate estimate = new FunnelEstimate(stages, history, period, booked,
                targets(query.period(), List.of(query.userId())).get(query.userId()));
        return Optional.of(new FunnelView(query.userId(), query.period().label(), query.asOf(),
                conversion.reportingCurrency(), historyFrom, asOfDay, estimate.stages(), estimate.meetings(),
                estimate.closedWon(), estimate.expectedFromPipeline(), estimate.expectedFromMeetings(),
                estimate.projected(), estimate.target(), estimate.probabilityOfTarget(),
                conversion.unconverted()));
    }

    @QueryHandler
    ExchangeRatePage handle(FindExchangeRates query) {
        return repository.rates(reportingCurrency.code(), query.page());
    }

    @QueryHandler
    Optional<CurrencyRates> handle(FindCurrencyRates query) {
        return repository.ratesOf(reportingCurrency.code(), query.currency());
    }

    @QueryHandler
    Optional<SalesTargetView> handle(FindSalesTarget query) {
        return handle(new FindSalesTargets(query.period(), query.userId(), query.viewer(), new PageRequest(0, 1)))
                .content().stream().findFirst();
    }

    @QueryHandler
    SalesTargetPage handle(FindSalesTargets query) {
        ReportingLines lines = reportingLines.current();
        // a target is its team's figure: seen by whoever sees the team's figures, as in the forecast
        List<String> users = (query.userId() == null ? lines.all() : List.of(query.userId())).stream()
                .filter(user -> lines.seesTeamOf(query.viewer(), user)).toList();
        return repository.targets(query.period(), users, query.page());
    }

    private static List<ConvertedDeal> convert(List<DealGroup> deals, Conversion conversion) {
        List<ConvertedDeal> converted = new ArrayList<>();
        for (DealGroup deal : deals) {
            conversion.rateOf(deal.currency(), deal.deals()).ifPresent(rate -> converted.add(new ConvertedDeal(deal,
                    Conversion.convert(deal.amount(), rate), Conversion.convert(deal.margin(), rate))));
        }
        return converted;
    }

    private static List<ConvertedDeal> dealsOf(List<String> owners, Map<String, List<ConvertedDeal>> byOwner) {
        return owners.stream().flatMap(owner -> byOwner.getOrDefault(owner, List.of()).stream()).toList();
    }

    private Map<String, BigDecimal> targets(ForecastPeriod period, List<String> users) {
        Map<String, BigDecimal> targets = new HashMap<>();
        repository.targets(period.label(), users).stream().filter(target -> target.currency()
                .equals(reportingCurrency.code())).forEach(target -> targets.put(target.userId(), target.amount()));
        return targets;
    }
}
