package io.relais.activity;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;
import io.relais.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;

/** The filters of the activity list, as query parameters. */
record ActivityListParameters(String accountId, String contactId, String opportunityId, String ownerId,
                              ActivityKind kind, ActivityStatus status,
                              @Parameter(description = "Due before: " + QueryParameters.INSTANT) String dueBefore) {

    FindActivities query(Viewer viewer, PageRequest page) {
        return new FindActivities(viewer, QueryParameters.text(accountId), QueryParameters.text(contactId),
                QueryParameters.text(opportunityId), QueryParameters.text(ownerId), kind, status,
                QueryParameters.instant("dueBefore", dueBefore).orElse(null), page);
    }
}
