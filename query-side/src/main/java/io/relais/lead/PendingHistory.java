package io.relais.lead;

/** A history entry of a lead, waiting in a projection batch to be written. */
record PendingHistory(String leadId, LeadHistoryEntry entry) {
}
