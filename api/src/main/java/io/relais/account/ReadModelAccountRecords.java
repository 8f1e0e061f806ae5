package io.relais.account;

import io.relais.activity.FindActivityIdsOfAccount;
import io.relais.opportunity.FindOpportunityIdsOfAccount;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/** An account's deals and activities, from their read models. */
@Component
class ReadModelAccountRecords implements AccountRecords {

    private final QueryGateway queries;

    ReadModelAccountRecords(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<String> opportunitiesOf(String accountId) {
        return queries.query(new FindOpportunityIdsOfAccount(accountId), ResponseTypes.multipleInstancesOf(String.class))
                .join();
    }

    @Override
    public List<String> activitiesOf(String accountId) {
        return queries.query(new FindActivityIdsOfAccount(accountId), ResponseTypes.multipleInstancesOf(String.class))
                .join();
    }
}
