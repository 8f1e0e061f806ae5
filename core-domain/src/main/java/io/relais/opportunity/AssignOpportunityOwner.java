package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Make a user responsible for a deal. */
public record AssignOpportunityOwner(@TargetAggregateIdentifier String opportunityId, String ownerId,
                                     @TargetAggregateVersion Long expectedVersion) {
}
