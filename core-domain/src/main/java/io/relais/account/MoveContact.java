package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a contact from this account to {@code toAccountId} (the person changed companies, or was filed wrong). */
public record MoveContact(@TargetAggregateIdentifier String accountId, String contactId, String toAccountId,
                          Long expectedVersion) {
}
