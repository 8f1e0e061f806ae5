package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Close a deal as won: its account becomes a customer. */
public record CloseOpportunityWon(@TargetAggregateIdentifier String opportunityId, @TargetAggregateVersion Long expectedVersion) {
}
