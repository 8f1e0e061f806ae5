package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The activity's account was merged into {@code accountId}: the activity follows it. Sent by the merge process only. */
public record TransferActivity(@TargetAggregateIdentifier String activityId, String accountId, String previousAccountId) {
}
