package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopen a closed deal in an open stage. */
public record ReopenOpportunity(@TargetAggregateIdentifier String opportunityId, String stage,
                                Long expectedVersion) {
}
