package io.relais.lead;

/** The lead was qualified as a real prospect. */
public record LeadQualified(String leadId, LeadStatus previousStatus) {
}
