package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a user responsible for a lead. */
public record AssignLeadOwner(
        @TargetAggregateIdentifier String leadId,
        String ownerId,
        Long expectedVersion) {
}
