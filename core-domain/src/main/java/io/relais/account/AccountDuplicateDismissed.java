package io.relais.account;

/** Someone reviewed the pair and found that {@code otherAccountId} is not a duplicate of this account. */
public record AccountDuplicateDismissed(String accountId, String otherAccountId) {
}
