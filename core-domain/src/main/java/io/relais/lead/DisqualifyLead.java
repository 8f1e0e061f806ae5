package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drop a lead, saying why. */
public record DisqualifyLead(
        @TargetAggregateIdentifier String leadId,
        DisqualificationReason reason,
        String note,
        Long expectedVersion) {
}
