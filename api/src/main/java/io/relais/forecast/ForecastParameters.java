package io.relais.forecast;

import io.relais.common.InvalidFieldException;
import io.relais.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;

import java.time.Instant;

/** The period and the moment a team's forecast and funnel are computed for, as query parameters. */
record ForecastParameters(
        @Parameter(description = "A year (2026), a quarter (2026-Q3) or a month (2026-07)", required = true)
        String period,
        @Parameter(description = "The forecast as it stood then (default now): " + QueryParameters.INSTANT)
        String asOf) {

    ForecastPeriod forecastPeriod() {
        return ForecastPeriod.parse("period", period);
    }

    /** asOf, or {@code now} when the request names none; refused when after {@code now}. */
    Instant asOf(Instant now) {
        Instant at = QueryParameters.instant("asOf", asOf).orElse(now);
        if (at.isAfter(now)) {
            throw new InvalidFieldException("asOf", "invalid-parameter", "asOf must not be in the future");
        }
        return at;
    }
}
