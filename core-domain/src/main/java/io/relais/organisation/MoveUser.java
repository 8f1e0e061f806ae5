package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a user report to another manager, or to nobody (null). */
public record MoveUser(String userId, String managerId) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
