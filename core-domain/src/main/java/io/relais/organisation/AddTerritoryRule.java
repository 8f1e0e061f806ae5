package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add an assignment rule to a territory; of several matching rules, the highest priority wins. */
public record AddTerritoryRule(String territoryId, String ruleId, int priority, TerritoryCriteria criteria) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
