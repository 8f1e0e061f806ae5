package io.relais.account;

/** A company was recorded, as a prospect. */
public record AccountCreated(String accountId, AccountDetails details, String ownerId) {
}
