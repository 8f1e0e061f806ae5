package io.relais.lead;

/**
 * The lead was a duplicate of {@code survivorId} and was merged into it: the last event of its stream,
 * with the details the survivor fills its blanks from.
 */
public record LeadMergedInto(String leadId, String survivorId, LeadDetails details, LeadStatus previousStatus) {
}
