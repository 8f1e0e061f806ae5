package io.relais.lead;

/**
 * A user became responsible for the lead. {@code previousOwnerId} is null for a first assignment; when the
 * territory rules chose the owner, {@code territoryId} and {@code ruleId} say which rule did.
 */
public record LeadOwnerAssigned(String leadId, String ownerId, String previousOwnerId, String territoryId,
                                String ruleId) {

    public LeadOwnerAssigned(String leadId, String ownerId, String previousOwnerId) {
        this(leadId, ownerId, previousOwnerId, null, null);
    }
}
