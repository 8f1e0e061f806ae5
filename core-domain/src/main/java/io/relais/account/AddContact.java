package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a person to an account; {@code leadId} names the lead they were converted from, if any. */
public record AddContact(@TargetAggregateIdentifier String accountId, String contactId, ContactDetails details,
                         String leadId) {

    public AddContact(String accountId, String contactId, ContactDetails details) {
        this(accountId, contactId, details, null);
    }
}
