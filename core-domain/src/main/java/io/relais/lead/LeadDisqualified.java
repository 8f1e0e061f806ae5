package io.relais.lead;

/** The lead was dropped for {@code reason}. */
public record LeadDisqualified(String leadId, DisqualificationReason reason, String note, LeadStatus previousStatus) {
}
