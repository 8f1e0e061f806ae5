package io.relais.account;

/** The prospect became a customer. */
public record AccountPromotedToCustomer(String accountId) {
}
