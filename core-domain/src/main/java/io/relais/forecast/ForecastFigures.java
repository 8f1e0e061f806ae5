package io.relais.forecast;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;

/**
 * The deals of a period by forecast category, in the reporting currency: won (closed in the period), and
 * open ones expected to close in it by category; the weighted pipeline is every open deal's amount times its
 * probability (omitted deals count nowhere). Margins add up the deals whose every line has a known cost;
 * {@code dealsWithoutCosts} counts the others.
 */
public record ForecastFigures(BigDecimal closedWon, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline,
                              BigDecimal weightedPipeline, @Nullable BigDecimal closedWonMargin,
                              @Nullable BigDecimal weightedMargin, int wonDeals, int openDeals, int dealsWithoutCosts) {
}
