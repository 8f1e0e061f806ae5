package io.relais.forecast;

import java.math.BigDecimal;

/** One member of the team: their own deals, their subtree's (themselves included) and their target. */
public record ForecastLine(String userId, String displayName, String managerId, ForecastFigures own,
                           ForecastFigures team, BigDecimal target) {
}
