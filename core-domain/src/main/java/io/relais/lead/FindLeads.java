package io.relais.lead;

import io.relais.common.PageRequest;

/**
 * A page of leads matching every filter given (null filters match all). {@code text} searches names,
 * company and e-mail.
 */
public record FindLeads(
        LeadStatus status,
        String ownerId,
        LeadSource source,
        String text,
        LeadSortField sortBy,
        boolean ascending,
        PageRequest page) {
}
