package io.relais.forecast;

import java.math.BigDecimal;
import java.util.Collection;

/** Adds deals up into {@link ForecastFigures}. */
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
        DealSnapshot deal = converted.deal();
        BigDecimal amount = converted.amount() == null ? BigDecimal.ZERO : converted.amount();
        if (deal.won()) {
            wonDeals++;
            closedWon = closedWon.add(amount);
            if (converted.margin() != null) {
                wonMargin = wonMargin.add(converted.margin());
            } else {
                withoutCosts++;
            }
            return;
        }
        if ("OMITTED".equals(deal.category())) {
            return;
        }
        openDeals++;
        switch (deal.category()) {
            case "COMMIT" -> commit = commit.add(amount);
            case "BEST_CASE" -> bestCase = bestCase.add(amount);
            default -> pipeline = pipeline.add(amount);
        }
        BigDecimal probability = BigDecimal.valueOf(deal.probability()).divide(HUNDRED);
        weighted = weighted.add(amount.multiply(probability));
        if (converted.margin() != null) {
            weightedMargin = weightedMargin.add(converted.margin().multiply(probability));
        } else {
            withoutCosts++;
        }
    }

    private ForecastFigures figures() {
        return new ForecastFigures(Conversion.money(closedWon), Conversion.money(commit), Conversion.money(bestCase),
                Conversion.money(pipeline), Conversion.money(weighted), Conversion.money(wonMargin),
                Conversion.money(weightedMargin), wonDeals, openDeals, withoutCosts);
    }
}
