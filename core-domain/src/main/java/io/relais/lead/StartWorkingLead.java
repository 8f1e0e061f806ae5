package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A rep begins working a new lead. */
public record StartWorkingLead(
        @TargetAggregateIdentifier String leadId,
        Long expectedVersion) {
}
