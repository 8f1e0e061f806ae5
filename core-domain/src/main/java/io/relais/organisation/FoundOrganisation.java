package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the organisation with its first administrator; done once, on the first start. */
public record FoundOrganisation(String administratorId, String displayName) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
