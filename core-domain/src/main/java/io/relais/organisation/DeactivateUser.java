package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a user from signing in. Their open records go to {@code successorId}, required if they own any. */
public record DeactivateUser(String userId, String successorId) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
