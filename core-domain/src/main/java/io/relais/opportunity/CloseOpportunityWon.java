package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a deal as won: its account becomes a customer. */
public record CloseOpportunityWon(@TargetAggregateIdentifier String opportunityId, Long expectedVersion) {
}
