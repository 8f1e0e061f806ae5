package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move an open deal to another open stage. */
public record ChangeOpportunityStage(@TargetAggregateIdentifier String opportunityId, String stage,
                                     Long expectedVersion) {
}
