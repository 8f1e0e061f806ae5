package io.relais.lead;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers lead queries from the lead read model. */
@Component
class LeadQueryHandler {

    private final LeadReadRepository repository;

    LeadQueryHandler(LeadReadRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    Optional<LeadView> handle(FindLead query) {
        return repository.find(query.leadId(), query.viewer()).map(LeadRow::toView);
    }

    @QueryHandler
    LeadPage handle(FindLeads query) {
        return repository.findPage(query);
    }

    @QueryHandler
    LeadHistoryPage handle(FindLeadHistory query) {
        return repository.findHistory(query.leadId(), query.viewer(), query.page());
    }

    @QueryHandler
    List<String> handle(FindOpenLeadIds query) {
        return repository.findOpenIds(query.ownerId());
    }
}
