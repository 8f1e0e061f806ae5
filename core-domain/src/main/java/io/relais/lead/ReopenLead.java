package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Bring a qualified or disqualified lead back to work. */
public record ReopenLead(
        @TargetAggregateIdentifier String leadId,
        Long expectedVersion) {
}
