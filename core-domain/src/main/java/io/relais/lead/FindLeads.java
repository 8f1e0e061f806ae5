package io.relais.lead;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

/**
 * A page of the leads the viewer may see that match every filter given (null filters match all, but a null
 * status leaves merged leads out).
 * {@code text} searches names, company and e-mail.
 */
public record FindLeads(
        Viewer viewer,
        LeadStatus status,
        String ownerId,
        LeadSource source,
        String text,
        LeadSortField sortBy,
        boolean ascending,
        PageRequest page) {
}
