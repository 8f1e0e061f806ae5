package io.relais.account;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;
import io.relais.web.QueryParameters;

/** The filters of the account list, as query parameters. */
record AccountListParameters(AccountStatus status, String ownerId, String q, String registration) {

    FindAccounts query(Viewer viewer, PageRequest page) {
        return new FindAccounts(viewer, status, QueryParameters.text(ownerId), q,
                QueryParameters.text(QueryParameters.atMost("registration", registration, 20)), page);
    }
}
