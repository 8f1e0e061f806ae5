package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a user another profile. */
public record ChangeUserProfile(String userId, Profile profile) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
