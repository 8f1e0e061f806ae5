package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a deactivated user sign in again. */
public record ReactivateUser(String userId) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
