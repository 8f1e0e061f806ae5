package io.relais.opportunity;

/** The ids of every deal of an account, for the process that moves them when the account is merged. */
public record FindOpportunityIdsOfAccount(String accountId) {
}
