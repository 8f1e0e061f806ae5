package io.relais.forecast;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;

/** One member of the team: their own deals, their subtree's (themselves included) and their target. */
public record ForecastLine(String userId, String displayName, @Nullable String managerId, ForecastFigures own,
                           ForecastFigures team, @Nullable BigDecimal target) {
}
