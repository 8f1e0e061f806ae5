package io.relais.account;

/** A person was added to the account. */
public record ContactAdded(String accountId, String contactId, ContactDetails details) {
}
