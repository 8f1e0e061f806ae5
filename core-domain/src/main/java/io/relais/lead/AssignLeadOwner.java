package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Make a user responsible for a lead. */
public record AssignLeadOwner(
        @TargetAggregateIdentifier String leadId,
        String ownerId,
        @TargetAggregateVersion Long expectedVersion) {
}
