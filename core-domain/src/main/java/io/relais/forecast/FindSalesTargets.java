package io.relais.forecast;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

/**
 * A page of the targets (of a period, of a user, when given) that the viewer may see: as a target is its team's
 * figure, those of the viewer, of the people below them and of those above them (whose team they are in);
 * everyone's for profiles that see everything.
 */
public record FindSalesTargets(String period, String userId, Viewer viewer, PageRequest page) {
}
