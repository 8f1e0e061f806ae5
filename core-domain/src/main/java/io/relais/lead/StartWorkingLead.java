package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A rep begins working a new lead. */
public record StartWorkingLead(
        @TargetAggregateIdentifier String leadId,
        @TargetAggregateVersion Long expectedVersion) {
}
