package io.relais.account;

/** A user became responsible for the account. */
public record AccountOwnerAssigned(String accountId, String ownerId, String previousOwnerId) {
}
