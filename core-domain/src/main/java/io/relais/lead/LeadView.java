package io.relais.lead;

import jakarta.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A lead as the read model shows it, with the lead it was merged into or the duplicates merged into it.
 *
 * @param personalDataErased the person's data was erased: their names, e-mail, phone, job title, notes, consent
 *                           (its text version included) and disqualification note are null for good; the rest of the lead stays
 */
public record LeadView(
        String id,
        long version,
        LeadStatus status,
        LeadDetails details,
        LeadSource source,
        @Nullable String sourceDetail,
        @Nullable Boolean marketingConsent,
        @Nullable LocalDate consentDate,
        @Nullable ConsentChannel consentChannel,
        @Nullable String consentTextVersion,
        @Nullable String ownerId,
        @Nullable DisqualificationReason disqualificationReason,
        @Nullable String disqualificationNote,
        Instant capturedAt,
        String capturedBy,
        Instant updatedAt,
        @Nullable String convertedAccountId,
        @Nullable String convertedContactId,
        @Nullable String mergedIntoId,
        List<String> mergedLeadIds,
        boolean personalDataErased) {
}
