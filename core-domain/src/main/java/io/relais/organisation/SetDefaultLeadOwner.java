package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Who receives the leads that match no rule; null leaves them unassigned, in the default queue. */
public record SetDefaultLeadOwner(String ownerId) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
