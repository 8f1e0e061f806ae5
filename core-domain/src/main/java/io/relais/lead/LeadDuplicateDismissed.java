package io.relais.lead;

/** Someone reviewed the pair and found that {@code otherLeadId} is not a duplicate of this lead. */
public record LeadDuplicateDismissed(String leadId, String otherLeadId) {
}
