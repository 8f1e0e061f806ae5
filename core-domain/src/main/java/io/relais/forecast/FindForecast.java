package io.relais.forecast;

import io.relais.organisation.Viewer;

import java.time.Instant;

/**
 * The forecast of a user's team for a period as it stood at {@code asOf}; empty when the user does not
 * exist or the viewer may not see their team's figures.
 */
public record FindForecast(String userId, ForecastPeriod period, Instant asOf, Viewer viewer) {
}
