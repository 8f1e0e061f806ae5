package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Drop a lead, saying why. */
public record DisqualifyLead(
        @TargetAggregateIdentifier String leadId,
        DisqualificationReason reason,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
