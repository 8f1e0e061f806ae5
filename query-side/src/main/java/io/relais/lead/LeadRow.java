package io.relais.lead;

import io.relais.projection.RecordRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A lead's row in the read model while a projection batch changes it. */
final class LeadRow extends RecordRow {

    LeadStatus status;
    LeadDetails details;
    LeadSource source;
    String sourceDetail;
    Boolean marketingConsent;
    LocalDate consentDate;
    ConsentChannel consentChannel;
    String consentTextVersion;
    String ownerId;
    DisqualificationReason disqualificationReason;
    String disqualificationNote;
    Instant capturedAt;
    String capturedBy;
    String convertedAccountId;
    String convertedContactId;
    String mergedIntoId;
    List<String> mergedLeadIds = List.of();
    boolean personalDataErased;

    LeadRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }

    /** The person's consent as last recorded; none (null) clears it. */
    void consent(MarketingConsent consent) {
        marketingConsent = consent == null ? null : consent.granted();
        consentDate = consent == null ? null : consent.date();
        consentChannel = consent == null ? null : consent.channel();
        consentTextVersion = consent == null ? null : consent.textVersion();
    }

    LeadView toView() {
        return new LeadView(id(), version(), status, details, source, sourceDetail, marketingConsent, consentDate,
                consentChannel, consentTextVersion, ownerId, disqualificationReason, disqualificationNote, capturedAt, capturedBy,
                updatedAt(), convertedAccountId, convertedContactId, mergedIntoId, mergedLeadIds,
                personalDataErased);
    }
}
