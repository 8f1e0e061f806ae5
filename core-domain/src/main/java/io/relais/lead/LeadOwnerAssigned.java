package io.relais.lead;

/** A user became responsible for the lead. {@code previousOwnerId} is null for a first assignment. */
public record LeadOwnerAssigned(String leadId, String ownerId, String previousOwnerId) {
}
