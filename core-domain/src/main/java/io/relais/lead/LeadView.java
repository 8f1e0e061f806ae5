package io.relais.lead;

import java.time.Instant;
import java.time.LocalDate;

/** A lead as the read model shows it. */
public record LeadView(
        String id,
        long version,
        LeadStatus status,
        LeadDetails details,
        LeadSource source,
        String sourceDetail,
        Boolean marketingConsent,
        LocalDate consentDate,
        ConsentChannel consentChannel,
        String ownerId,
        DisqualificationReason disqualificationReason,
        String disqualificationNote,
        Instant capturedAt,
        String capturedBy,
        Instant updatedAt,
        String convertedAccountId,
        String convertedContactId) {
}
