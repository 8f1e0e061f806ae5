package io.relais.account;

/** A person was added to the account; {@code leadId} names the lead they were converted from, if any. */
public record ContactAdded(String accountId, String contactId, ContactDetails details, String leadId) {

    public ContactAdded(String accountId, String contactId, ContactDetails details) {
        this(accountId, contactId, details, null);
    }
}
