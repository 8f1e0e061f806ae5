package io.relais.lead;

/**
 * The person withdrew their consent to marketing, or objected to it without having given it: {@code consent} is
 * the refusal as they said it (not granted, its date and channel), {@code previousConsent} what it replaces (null
 * when none was recorded).
 */
public record LeadConsentWithdrawn(String leadId, MarketingConsent consent, MarketingConsent previousConsent) {
}
