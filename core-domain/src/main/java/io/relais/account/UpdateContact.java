package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replace a contact's details. */
public record UpdateContact(@TargetAggregateIdentifier String accountId, String contactId, ContactDetails details,
                            @TargetAggregateVersion Long expectedVersion) {
}
