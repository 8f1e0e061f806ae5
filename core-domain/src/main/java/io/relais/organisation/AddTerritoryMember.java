package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a user one of the territory's reps, who receive its leads in turn. */
public record AddTerritoryMember(String territoryId, String userId) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
