package io.relais.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A lead as the API shows it: the same flat field names as a capture request. */
public record LeadResource(
        String id,
        long version,
        LeadStatus status,
        String firstName,
        String lastName,
        String email,
        String phone,
        String company,
        String jobTitle,
        String website,
        String postalCode,
        String city,
        String country,
        String notes,
        String nafCode,
        String companySize,
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
