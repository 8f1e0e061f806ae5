package io.relais.personaldata;

import io.relais.account.ContactView;
import io.relais.activity.ActivityView;
import io.relais.audit.AuditEntry;
import io.relais.lead.LeadView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * Everything Relais holds about a person (the subject access request of GDPR article 15), decrypted: their
 * record as it is now, the activities about them, the whole history of their record and of those activities with
 * every value before and after, and the other record that is the same person.
 *
 * @param leads    the person's lead, for a lead (its consent included); none for a contact
 * @param contacts the person's contact, for a contact; none for a lead
 */
public record DataSubjectExport(
        DataSubjectKind kind,
        String id,
        Instant exportedAt,
        @Schema(description = "When the person's data was erased; their personal values are then null everywhere")
        @Nullable Instant erasedAt,
        List<LeadView> leads,
        List<ContactView> contacts,
        @Schema(description = "The activities about the contact (none for a lead)") List<ActivityView> activities,
        @Schema(description = "Every event of the person's record and of the activities about them, oldest first")
        List<AuditEntry> history,
        @Schema(description = "The lead a contact was converted from, the contact a lead became: the same person, "
                + "with an export of its own") List<DataSubject> samePerson) {
}
