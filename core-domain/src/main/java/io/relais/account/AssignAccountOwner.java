package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a user responsible for an account. */
public record AssignAccountOwner(@TargetAggregateIdentifier String accountId, String ownerId,
                                 Long expectedVersion) {
}
