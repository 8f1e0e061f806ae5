package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Bring a qualified or disqualified lead back to work. */
public record ReopenLead(
        @TargetAggregateIdentifier String leadId,
        @TargetAggregateVersion Long expectedVersion) {
}
