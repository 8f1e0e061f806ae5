package io.relais.account;

/** A contact from {@code fromAccountId} joined this account (a move, or a merge of its account into this one). */
public record ContactMovedIn(String accountId, String fromAccountId, ContactTransfer contact) {
}
