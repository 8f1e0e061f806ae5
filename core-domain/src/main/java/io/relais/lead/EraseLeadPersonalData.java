package io.relais.lead;

import io.relais.personaldata.ErasureRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the lead's personal data for good (its key); the lead itself stays. */
public record EraseLeadPersonalData(@TargetAggregateIdentifier String leadId, ErasureRequest request) {
}
