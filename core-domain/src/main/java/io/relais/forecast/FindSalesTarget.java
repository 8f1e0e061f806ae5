package io.relais.forecast;

import io.relais.organisation.Viewer;

/** One user's target for a period; empty when none is set or the viewer may not see it. */
public record FindSalesTarget(String userId, String period, Viewer viewer) {
}
