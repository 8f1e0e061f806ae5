package io.relais.forecast;

import java.math.BigDecimal;
import java.util.Collection;

/** Adds groups of deals up into {@link ForecastFigures}. */
final class FigureSum {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BigDecimal closedWon = BigDecimal.ZERO;
    private BigDecimal commit = BigDecimal.ZERO;
    private BigDecimal bestCase = BigDecimal.ZERO;
    private BigDecimal pipeline = BigDecimal.ZERO;
    private BigDecimal weighted = BigDecimal.ZERO;
    private BigDecimal wonMargin = BigDecimal.ZERO;
    private BigDecimal weightedMargin = BigDecimal.ZERO;
    private int wonDeals;
    private int openDeals;
    private int withoutCosts;

    static ForecastFigures of(Collection<ConvertedDeal> deals) {
        FigureSum sum = new FigureSum();
        deals.forEach(sum::add);
        return sum.figures();
    }

    private void add(ConvertedDeal converted) {
        DealGroup deal = converted.deal();
        BigDecimal amount = converted.amount() == null ? BigDecimal.ZERO : converted.amount();
        BigDecimal margin = converted.margin() == null ? BigDecimal.ZERO : converted.margin();
        if (deal.won()) {
            wonDeals += deal.deals();
            closedWon = closedWon.add(amount);
            wonMargin = wonMargin.add(margin);
            withoutCosts += deal.deals() - deal.dealsWithMargin();
            return;
        }
        if ("OMITTED".equals(deal.category())) {
            return;
        }
        openDeals += deal.deals();
        switch (deal.category()) {
            case "COMMIT" -> commit = commit.add(amount);
            case "BEST_CASE" -> bestCase = bestCase.add(amount);
            default -> pipeline = pipeline.add(amount);
        }
        BigDecimal probability = BigDecimal.valueOf(deal.probability()).divide(HUNDRED);
        weighted = weighted.add(amount.multiply(probability));
        weightedMargin = weightedMargin.add(margin.multiply(probability));
        withoutCosts += deal.deals() - deal.dealsWithMargin();
    }

    private ForecastFigures figures() {
        return new ForecastFigures(Conversion.money(closedWon), Conversion.money(commit), Conversion.money(bestCase),
                Conversion.money(pipeline), Conversion.money(weighted), Conversion.money(wonMargin),
                Conversion.money(weightedMargin), wonDeals, openDeals, withoutCosts);
    }
}
