package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Rename a deal or change its primary contact (null clears it). */
public record UpdateOpportunityDetails(@TargetAggregateIdentifier String opportunityId, String name, String primaryContactId,
                                       @TargetAggregateVersion Long expectedVersion) {
}
