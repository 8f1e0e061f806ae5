package io.relais.opportunity;

/** The deal moved from one open stage to another. */
public record OpportunityStageChanged(String opportunityId, SalesStage previousStage, SalesStage stage) {
}
