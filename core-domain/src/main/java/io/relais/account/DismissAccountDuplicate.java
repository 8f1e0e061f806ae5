package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Say that {@code otherAccountId} is not a duplicate of this account, so that it is no longer proposed. */
public record DismissAccountDuplicate(@TargetAggregateIdentifier String accountId, String otherAccountId) {
}
