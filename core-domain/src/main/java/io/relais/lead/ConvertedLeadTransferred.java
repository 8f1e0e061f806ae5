package io.relais.lead;

/** The converted lead now belongs to {@code accountId}, the survivor of its former account's merge. */
public record ConvertedLeadTransferred(String leadId, String accountId, String previousAccountId) {
}
