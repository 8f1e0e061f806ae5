package io.relais.lead;

import jakarta.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A lead as the API shows it: the same flat field names as a capture request. */
public record LeadResource(
        String id,
        long version,
        LeadStatus status,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String company,
        @Nullable String jobTitle,
        @Nullable String website,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String country,
        @Nullable String notes,
        @Nullable String nafCode,
        @Nullable String companySize,
        LeadSource source,
        @Nullable String sourceDetail,
        @Nullable Boolean marketingConsent,
        @Nullable LocalDate consentDate,
        @Nullable ConsentChannel consentChannel,
        @Nullable String ownerId,
        @Nullable DisqualificationReason disqualificationReason,
        @Nullable String disqualificationNote,
        Instant capturedAt,
        String capturedBy,
        Instant updatedAt,
        @Nullable String convertedAccountId,
        @Nullable String convertedContactId,
        @Nullable String mergedIntoId,
        List<String> mergedLeadIds) {

    static LeadResource from(LeadView v) {
        LeadDetails d = v.details();
        return new LeadResource(v.id(), v.version(), v.status(), d.firstName(), d.lastName(), d.email(), d.phone(),
                d.company(), d.jobTitle(), d.website(), d.postalCode(), d.city(), d.country(), d.notes(), d.nafCode(),
                d.companySize(), v.source(),
                v.sourceDetail(), v.marketingConsent(), v.consentDate(), v.consentChannel(), v.ownerId(),
                v.disqualificationReason(), v.disqualificationNote(), v.capturedAt(), v.capturedBy(), v.updatedAt(),
                v.convertedAccountId(), v.convertedContactId(), v.mergedIntoId(), v.mergedLeadIds());
    }
}
