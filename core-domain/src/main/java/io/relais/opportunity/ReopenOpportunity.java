package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reopen a closed deal in an open stage. */
public record ReopenOpportunity(@TargetAggregateIdentifier String opportunityId, String stage,
                                @TargetAggregateVersion Long expectedVersion) {
}
