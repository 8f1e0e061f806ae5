package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a person to an account. */
public record AddContact(@TargetAggregateIdentifier String accountId, String contactId, ContactDetails details) {
}
