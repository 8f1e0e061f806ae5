package io.relais.lead;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

/** A page of what happened to a lead, oldest first; empty when the viewer may not see the lead. */
public record FindLeadHistory(String leadId, Viewer viewer, PageRequest page) {
}
