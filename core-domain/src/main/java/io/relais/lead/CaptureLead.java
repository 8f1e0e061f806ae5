package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a new lead. Only one way to reach someone is required; everything else may come later. */
public record CaptureLead(
        @TargetAggregateIdentifier String leadId,
        LeadDetails details,
        LeadSource source,
        String sourceDetail,
        MarketingConsent consent,
        String ownerId) {
}
