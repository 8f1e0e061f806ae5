package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a deal as lost, saying why (a note is required for OTHER). */
public record CloseOpportunityLost(@TargetAggregateIdentifier String opportunityId, LossReason reason, String note,
                                   Long expectedVersion) {
}
