package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Say that {@code otherLeadId} is not a duplicate of this lead, so that it is no longer proposed. */
public record DismissLeadDuplicate(@TargetAggregateIdentifier String leadId, String otherLeadId) {
}
