package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take in a contact that left {@code fromAccountId}; sent by the transfer process only. */
public record ReceiveContact(@TargetAggregateIdentifier String accountId, String fromAccountId,
                             ContactTransfer contact) {
}
