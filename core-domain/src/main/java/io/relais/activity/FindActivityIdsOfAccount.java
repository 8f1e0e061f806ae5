package io.relais.activity;

/** The ids of every activity about an account, for the process that moves them when the account is merged. */
public record FindActivityIdsOfAccount(String accountId) {
}
