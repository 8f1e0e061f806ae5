package io.relais.lead;

import io.relais.organisation.Viewer;

/** One lead's current state; an empty optional when it does not exist or the viewer may not see it. */
public record FindLead(String leadId, Viewer viewer) {
}
