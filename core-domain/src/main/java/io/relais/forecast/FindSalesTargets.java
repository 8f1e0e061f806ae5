package io.relais.forecast;

import io.relais.organisation.Viewer;

/**
 * The targets (of a period, of a user, when given) that the viewer may see: their own and those of the
 * people below them (everyone's for profiles that see everything).
 */
public record FindSalesTargets(String period, String userId, Viewer viewer) {
}
