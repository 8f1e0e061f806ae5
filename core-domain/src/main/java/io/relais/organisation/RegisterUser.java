package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a user with a profile, optionally reporting to a manager. */
public record RegisterUser(String userId, String displayName, String email, Profile profile, String managerId) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
