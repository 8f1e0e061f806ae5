package io.relais.account;

import io.relais.organisation.Viewer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Other accounts' standing, from the accounts read model. */
@Component
class ReadModelOtherAccounts implements OtherAccounts {

    private final QueryGateway queries;

    ReadModelOtherAccounts(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<Standing> standing(String accountId) {
        return queries.query(new FindAccount(accountId, Viewer.system()),
                ResponseTypes.optionalInstanceOf(AccountView.class)).join()
                .map(account -> new Standing(account.status(), account.erpId()));
    }
}
