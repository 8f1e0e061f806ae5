package io.relais.lead;

/** A qualified or disqualified lead went back to work. */
public record LeadReopened(String leadId, LeadStatus previousStatus) {
}
