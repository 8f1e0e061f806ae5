package io.relais.opportunity;

/** A closed deal was reopened in {@code stage}. */
public record OpportunityReopened(String opportunityId, SalesStage stage, OpportunityStatus previousStatus) {
}
