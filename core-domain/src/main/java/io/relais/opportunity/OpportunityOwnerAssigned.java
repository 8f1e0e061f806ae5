package io.relais.opportunity;

/** A user became responsible for the deal. */
public record OpportunityOwnerAssigned(String opportunityId, String ownerId, String previousOwnerId) {
}
