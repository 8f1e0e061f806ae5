package io.relais.account;

/** The contact left this account for {@code toAccountId}, taking along what {@code contact} holds. */
public record ContactMovedOut(String accountId, String toAccountId, ContactTransfer contact) {
}
