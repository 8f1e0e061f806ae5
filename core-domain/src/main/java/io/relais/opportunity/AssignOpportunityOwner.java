package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a user responsible for a deal. */
public record AssignOpportunityOwner(@TargetAggregateIdentifier String opportunityId, String ownerId,
                                     Long expectedVersion) {
}
