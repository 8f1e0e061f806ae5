package io.relais.organisation;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers organisation queries from the organisation read model. */
@Component
class OrganisationQueryHandler {

    private final OrganisationReadRepository repository;

    OrganisationQueryHandler(OrganisationReadRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    Optional<UserView> handle(FindUser query) {
        return repository.findUser(query.userId());
    }

    @QueryHandler
    UserPage handle(FindUsers query) {
        return repository.findUsers(query);
    }

    @QueryHandler
    List<UserView> handle(FindAllUsers query) {
        return repository.findAllUsers();
    }

    @QueryHandler
    LeadRoutingView handle(FindLeadRouting query) {
        return repository.findLeadRouting();
    }

    @QueryHandler
    Optional<TerritoryView> handle(FindTerritory query) {
        return repository.findTerritory(query.territoryId());
    }

    @QueryHandler
    TerritoryPage handle(FindTerritories query) {
        return repository.findTerritories(query);
    }

    @QueryHandler
    Long handle(FindOrganisationVersion query) {
        return repository.version();
    }
}
