package io.relais.opportunity;

import io.relais.organisation.Viewer;

/** One deal; empty when it does not exist or the viewer may not see it. */
public record FindOpportunity(String opportunityId, Viewer viewer) {
}
