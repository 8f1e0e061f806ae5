package io.relais.organisation;

/** Leads matching no rule now go to {@code ownerId} (null: they stay unassigned). */
public record DefaultLeadOwnerChanged(String ownerId, String previousOwnerId) {
}
