package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Choose the owner of a new lead by the territory rules, round-robin among the territory's reps. */
public record RouteLead(String leadId, LeadProfile lead) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
