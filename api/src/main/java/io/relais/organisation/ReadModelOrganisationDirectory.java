package io.relais.organisation;

import io.relais.lead.FindOpenLeadIds;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Gives the command side what it needs to know about users and their records, from the read models. */
@Component
class ReadModelOrganisationDirectory implements OrganisationDirectory, OwnedRecords {

    private final QueryGateway queries;

    ReadModelOrganisationDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<UserStanding> standing(String actorId, String ownerId) {
        if (actorId == null) {
            return Optional.empty();
        }
        return queries.query(new FindUserStanding(actorId, ownerId),
                ResponseTypes.optionalInstanceOf(UserStanding.class)).join();
    }

    @Override
    public List<String> openLeadsOwnedBy(String userId) {
        return queries.query(new FindOpenLeadIds(userId), ResponseTypes.multipleInstancesOf(String.class)).join();
    }
}
