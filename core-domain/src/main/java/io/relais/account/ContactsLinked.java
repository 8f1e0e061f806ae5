package io.relais.account;

/** A contact was related to another. */
public record ContactsLinked(String accountId, String contactId, String linkedContactId, ContactLinkKind kind) {
}
