package io.relais.forecast;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.relais.forecast.Deals.converted;
import static io.relais.forecast.Deals.open;
import static io.relais.forecast.Deals.snapshot;
import static io.relais.forecast.Deals.won;
import static org.assertj.core.api.Assertions.assertThat;

class FigureSumTest {

    private static final BigDecimal NONE = new BigDecimal("0.00");

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void addsNothingUpToZeroes() {
        assertThat(FigureSum.of(List.of())).isEqualTo(new ForecastFigures(NONE, NONE, NONE, NONE, NONE, NONE, NONE,
                0, 0, 0));
    }

    @Test
    void addsWonDealsAndTheirMarginsUpAsClosedWonOnly() {
        ForecastFigures figures = FigureSum.of(List.of(won("1000", "300"), won("500.5", "100.25")));

        assertThat(figures).isEqualTo(new ForecastFigures(money("1500.50"), NONE, NONE, NONE, NONE,
                money("400.25"), NONE, 2, 0, 0));
    }

    @Test
    void addsOpenDealsUpByCategory() {
        ForecastFigures figures = FigureSum.of(List.of(open("COMMIT", 80, "1000", "0"),
                open("COMMIT", 90, "10", "0"), open("BEST_CASE", 50, "500", "0"), open("PIPELINE", 10, "200", "0")));

        assertThat(figures.commit()).isEqualTo(money("1010.00"));
        assertThat(figures.bestCase()).isEqualTo(money("500.00"));
        assertThat(figures.pipeline()).isEqualTo(money("200.00"));
        assertThat(figures.closedWon()).isEqualTo(NONE);
        assertThat(figures.openDeals()).isEqualTo(4);
        assertThat(figures.wonDeals()).isZero();
    }

    @Test
    void weighsEveryOpenDealByItsProbability() {
        ForecastFigures figures = FigureSum.of(List.of(open("COMMIT", 80, "1000", "400"),
                open("BEST_CASE", 50, "500", "100"), open("PIPELINE", 10, "200", "50"), won("7000", "2000")));

        assertThat(figures.weightedPipeline()).isEqualTo(money("1070.00"));
        assertThat(figures.weightedMargin()).isEqualTo(money("375.00"));
        assertThat(figures.closedWonMargin()).isEqualTo(money("2000.00"));
    }

    @Test
    void countsTheDealsWithoutCostsAndLeavesThemOutOfTheMargins() {
        ForecastFigures figures = FigureSum.of(List.of(won("1000", null), won("800", "200"),
                open("COMMIT", 50, "600", null), open("PIPELINE", 50, "400", "100")));

        assertThat(figures.dealsWithoutCosts()).isEqualTo(2);
        assertThat(figures.closedWonMargin()).isEqualTo(money("200.00"));
        assertThat(figures.weightedMargin()).isEqualTo(money("50.00"));
        assertThat(figures.closedWon()).isEqualTo(money("1800.00"));
        assertThat(figures.weightedPipeline()).isEqualTo(money("500.00"));
    }

    @Test
    void countsOmittedDealsNowhere() {
        ForecastFigures figures = FigureSum.of(List.of(open("OMITTED", 50, "1000", null),
                open("PIPELINE", 20, "100", "10")));

        assertThat(figures).isEqualTo(new ForecastFigures(NONE, NONE, NONE, money("100.00"), money("20.00"), NONE,
                money("2.00"), 0, 1, 0));
    }

    @Test
    void countsADealWithoutAmountAsADealOfZero() {
        ForecastFigures figures = FigureSum.of(List.of(open("COMMIT", 80, null, null), won(null, null)));

        assertThat(figures).isEqualTo(new ForecastFigures(NONE, NONE, NONE, NONE, NONE, NONE, NONE, 1, 1, 2));
    }

    @Test
    void addsTheConvertedAmountsUpNotTheDealsOwn() {
        DealGroup inDollars = new DealGroup("rep", "USD", "OPEN", "PROPOSAL", 50, "BEST_CASE", 1,
                new BigDecimal("1000"), new BigDecimal("200"), 1);

        ForecastFigures figures = FigureSum.of(List.of(new ConvertedDeal(inDollars, new BigDecimal("900"),
                new BigDecimal("180"))));

        assertThat(figures.bestCase()).isEqualTo(money("900.00"));
        assertThat(figures.weightedPipeline()).isEqualTo(money("450.00"));
        assertThat(figures.weightedMargin()).isEqualTo(money("90.00"));
    }

    @Test
    void roundsEachFigureToTheCentOnceAddedUp() {
        ForecastFigures figures = FigureSum.of(List.of(open("PIPELINE", 50, "0.25", "0.01"),
                open("PIPELINE", 50, "0.25", "0.01"), converted(snapshot("PROPOSAL", 10, "PIPELINE", "OPEN",
                        "1.25", null), "1.25", null)));

        assertThat(figures.pipeline()).isEqualTo(money("1.75"));
        assertThat(figures.weightedPipeline()).isEqualTo(money("0.38"));
        assertThat(figures.weightedMargin()).isEqualTo(money("0.01"));
    }

    @Test
    void roundsHalfCentsToEven() {
        ForecastFigures figures = FigureSum.of(List.of(open("PIPELINE", 50, "0.25", "0.05")));

        assertThat(figures.weightedPipeline()).isEqualTo(money("0.12"));
        assertThat(figures.weightedMargin()).isEqualTo(money("0.02"));
    }
}
