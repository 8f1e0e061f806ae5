package io.relais.opportunity;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers deal queries from the opportunity read model. */
@Component
class OpportunityQueryHandler {

    private final OpportunityRepository repository;

    OpportunityQueryHandler(OpportunityRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    Optional<OpportunityView> handle(FindOpportunity query) {
        return repository.find(query.opportunityId(), query.viewer());
    }

    @QueryHandler
    OpportunityPage handle(FindOpportunities query) {
        return repository.findPage(query);
    }

    @QueryHandler
    List<String> handle(FindOpportunityIdsOfAccount query) {
        return repository.findIdsOfAccount(query.accountId());
    }
}
