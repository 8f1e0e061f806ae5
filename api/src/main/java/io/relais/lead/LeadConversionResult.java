package io.relais.lead;

/** What a conversion made: the lead now points to its account and contact, which point back to it. */
public record LeadConversionResult(String leadId, String accountId, String contactId, boolean accountCreated) {
}
