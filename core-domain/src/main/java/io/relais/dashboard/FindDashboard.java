package io.relais.dashboard;

import io.relais.forecast.ForecastPeriod;
import io.relais.organisation.Viewer;

import java.time.Instant;

/**
 * The dashboard of a user's team at {@code now}: results of the deals closed in {@code period}, activity and
 * usage of the last {@code weeks} weeks, deals with no activity for {@code staleDays} days. Empty when the
 * viewer may not see the team's figures.
 */
public record FindDashboard(String userId, ForecastPeriod period, int weeks, int staleDays, Instant now,
                            Viewer viewer) {
}
