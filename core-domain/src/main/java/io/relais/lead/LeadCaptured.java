package io.relais.lead;

import org.axonframework.serialization.Revision;

/**
 * A lead was recorded. {@code consent} and {@code ownerId} may be null. Revision 1: the consent has a
 * {@code textVersion} (null in events stored before it).
 */
@Revision("1")
public record LeadCaptured(
        String leadId,
        LeadDetails details,
        LeadSource source,
        String sourceDetail,
        MarketingConsent consent,
        String ownerId) {
}
