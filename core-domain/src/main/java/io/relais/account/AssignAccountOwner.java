package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Make a user responsible for an account. */
public record AssignAccountOwner(@TargetAggregateIdentifier String accountId, String ownerId,
                                 @TargetAggregateVersion Long expectedVersion) {
}
