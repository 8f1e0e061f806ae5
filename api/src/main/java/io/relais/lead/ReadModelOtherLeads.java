package io.relais.lead;

import io.relais.organisation.Viewer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Other leads' status, from the leads read model. */
@Component
class ReadModelOtherLeads implements OtherLeads {

    private final QueryGateway queries;

    ReadModelOtherLeads(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<LeadStatus> status(String leadId) {
        return queries.query(new FindLead(leadId, Viewer.system()), ResponseTypes.optionalInstanceOf(LeadView.class))
                .join().map(LeadView::status);
    }
}
