package io.relais.organisation;

/** The rule {@code ruleId} of {@code territoryId} chose {@code ownerId} for the lead, in round-robin turn. */
public record LeadRouted(String leadId, String territoryId, String ruleId, String ownerId) {
}
