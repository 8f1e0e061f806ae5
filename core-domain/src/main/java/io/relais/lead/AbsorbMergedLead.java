package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take over what a merged duplicate lead handed over; sent by the merge process only. */
public record AbsorbMergedLead(@TargetAggregateIdentifier String leadId, String mergedId, LeadDetails details) {
}
