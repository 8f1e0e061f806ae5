package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The lead is a real sales prospect; it may now be converted. */
public record QualifyLead(
        @TargetAggregateIdentifier String leadId,
        @TargetAggregateVersion Long expectedVersion) {
}
