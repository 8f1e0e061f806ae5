package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a territory; rules and members are added afterwards. */
public record CreateTerritory(String territoryId, String name) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
