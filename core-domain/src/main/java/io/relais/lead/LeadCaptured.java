package io.relais.lead;

/** A lead was recorded. {@code consent} and {@code ownerId} may be null. */
public record LeadCaptured(
        String leadId,
        LeadDetails details,
        LeadSource source,
        String sourceDetail,
        MarketingConsent consent,
        String ownerId) {
}
