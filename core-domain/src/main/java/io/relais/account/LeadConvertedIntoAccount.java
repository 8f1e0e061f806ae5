package io.relais.account;

/** A lead was converted into this account, as its contact {@code contactId}. */
public record LeadConvertedIntoAccount(String accountId, String leadId, String contactId) {
}
