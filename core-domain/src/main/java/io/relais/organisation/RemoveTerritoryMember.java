package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop giving the territory's leads to a user. */
public record RemoveTerritoryMember(String territoryId, String userId) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
