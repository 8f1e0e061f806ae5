package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a lead the owner its territory rules chose, unless someone took it meanwhile. Sent by the system;
 * {@code territoryId} and {@code ruleId} are null when the lead went to the default owner.
 */
public record AutoAssignLead(@TargetAggregateIdentifier String leadId, String ownerId, String territoryId,
                             String ruleId) {
}
