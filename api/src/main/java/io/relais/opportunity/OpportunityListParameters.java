package io.relais.opportunity;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;
import io.relais.web.QueryParameters;

/** The filters of the deal list, as query parameters. */
record OpportunityListParameters(String accountId, String ownerId, OpportunityStatus status, String stage,
                                 String closingFrom, String closingBefore, String q) {

    FindOpportunities query(Viewer viewer, PageRequest page) {
        return new FindOpportunities(viewer, QueryParameters.text(accountId), QueryParameters.text(ownerId), status,
                stage == null || stage.isBlank() ? null : stage.strip().toUpperCase(),
                QueryParameters.date("closingFrom", closingFrom).orElse(null),
                QueryParameters.date("closingBefore", closingBefore).orElse(null), q, page);
    }
}
