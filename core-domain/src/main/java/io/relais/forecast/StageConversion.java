package io.relais.forecast;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;

/**
 * One open stage of the funnel. Of the deals closed in the history window, {@code reached} got at least this
 * far and {@code won} of them were won: {@code winRate} = won / reached ({@code rateSource} "history"), or the
 * stage's configured probability when no closed deal reached it ("configured"). {@code toNextStage} is the
 * share of those that reached the next stage (for the last stage: were won). The period's open deals in the
 * stage ({@code openDeals}, {@code openAmount}) are expected to bring {@code openAmount × winRate}.
 */
public record StageConversion(String stage, int configuredProbability, int reached, int won,
                              @Nullable BigDecimal winRate, @Nullable BigDecimal toNextStage, String rateSource,
                              int openDeals, BigDecimal openAmount, BigDecimal expected) {
}
