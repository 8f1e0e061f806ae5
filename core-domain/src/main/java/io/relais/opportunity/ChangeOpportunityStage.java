package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Move an open deal to another open stage. */
public record ChangeOpportunityStage(@TargetAggregateIdentifier String opportunityId, String stage,
                                     @TargetAggregateVersion Long expectedVersion) {
}
