package io.relais.lead;

import org.axonframework.serialization.Revision;

/**
 * The person withdrew their consent to marketing, or objected to it without having given it: {@code consent} is
 * the refusal as they said it (not granted, its date and channel), {@code previousConsent} what it replaces (null
 * when none was recorded). Revision 1: both consents have a {@code textVersion} (null in events stored before it).
 */
@Revision("1")
public record LeadConsentWithdrawn(String leadId, MarketingConsent consent, MarketingConsent previousConsent) {
}
