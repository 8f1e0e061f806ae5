package io.relais.forecast;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A user's forecast for a period as it stood at {@code asOf}: their whole team's figures ({@code team}),
 * their target, and one line per member of the team the viewer may see (members' own figures are seen only
 * by them and by those above them). {@code rates} are the exchange rates used.
 */
public record ForecastView(String userId, String period, LocalDate periodStart, LocalDate periodEnd,
                           @Nullable Instant asOf, String currency, ForecastFigures team, @Nullable BigDecimal target,
                           List<ForecastLine> lines, List<ExchangeRateView> rates, List<UnconvertedDeals> unconverted) {
}
