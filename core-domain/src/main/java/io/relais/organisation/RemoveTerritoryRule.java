package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove an assignment rule. */
public record RemoveTerritoryRule(String territoryId, String ruleId) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
