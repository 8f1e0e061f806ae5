package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead is a real sales prospect; it may now be converted. */
public record QualifyLead(
        @TargetAggregateIdentifier String leadId,
        Long expectedVersion) {
}
