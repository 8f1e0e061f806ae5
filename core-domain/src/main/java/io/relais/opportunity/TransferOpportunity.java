package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The deal's account was merged into {@code accountId}: the deal follows it. Sent by the merge process only. */
public record TransferOpportunity(@TargetAggregateIdentifier String opportunityId, String accountId, String previousAccountId) {
}
