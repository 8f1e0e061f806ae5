package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a line; the deal's amount becomes the remaining lines' total. */
public record RemoveOpportunityLineItem(@TargetAggregateIdentifier String opportunityId, String lineId,
                                        Long expectedVersion) {
}
