package io.relais.lead;

/** The lead became {@code contactId} of {@code accountId}; it changes no more. */
public record LeadConverted(String leadId, String accountId, String contactId, LeadStatus previousStatus) {
}
