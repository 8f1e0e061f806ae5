package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Remove a line; the deal's amount becomes the remaining lines' total. */
public record RemoveOpportunityLineItem(@TargetAggregateIdentifier String opportunityId, String lineId,
                                        @TargetAggregateVersion Long expectedVersion) {
}
