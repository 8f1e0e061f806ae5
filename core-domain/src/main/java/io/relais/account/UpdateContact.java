package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a contact's details. */
public record UpdateContact(@TargetAggregateIdentifier String accountId, String contactId, ContactDetails details,
                            Long expectedVersion) {
}
