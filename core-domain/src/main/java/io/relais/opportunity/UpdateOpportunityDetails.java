package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rename a deal or change its primary contact (null clears it). */
public record UpdateOpportunityDetails(@TargetAggregateIdentifier String opportunityId, String name, String primaryContactId,
                                       Long expectedVersion) {
}
