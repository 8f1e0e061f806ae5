package io.relais.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A lead as the read model shows it, with the lead it was merged into or the duplicates merged into it. */
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
        String convertedContactId,
        String mergedIntoId,
        List<String> mergedLeadIds) {
}
