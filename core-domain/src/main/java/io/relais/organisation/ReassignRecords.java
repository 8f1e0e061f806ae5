package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give all the open records of one user to another. */
public record ReassignRecords(String fromUserId, String toUserId) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
