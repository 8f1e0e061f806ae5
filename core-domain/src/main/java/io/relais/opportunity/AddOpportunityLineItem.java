package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a line priced from the catalogue; the deal's amount becomes its lines' total. */
public record AddOpportunityLineItem(@TargetAggregateIdentifier String opportunityId, LineItem line,
                                     Long expectedVersion) {
}
