package io.relais.lead;

import io.relais.common.Changes;
import io.relais.common.FieldChange;
import io.relais.personaldata.ErasedPersonalData;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What each lead event changed, field by field, as the lead's history and the 360° timeline show it. */
public final class LeadEventChanges {

    /**
     * The fields of these changes that hold the lead's personal data: its details' personal fields, and the
     * consent and disqualification note, which the changes name after the lead's view.
     */
    public static final Set<String> PERSONAL_FIELDS = Set.copyOf(Stream.concat(
            ErasedPersonalData.personalFields(LeadDetails.class).stream(),
            Stream.of("marketingConsent", "consentDate", "consentChannel", "consentTextVersion",
                    "disqualificationNote")).toList());

    private LeadEventChanges() {
    }

    /** The changes {@code event} made; empty for an event that changes no field. */
    public static List<FieldChange> of(Object event) {
        if (event instanceof LeadCaptured captured) {
            return captured(captured);
        }
        if (event instanceof LeadDetailsUpdated updated) {
            return updated.changes();
        }
        if (event instanceof LeadOwnerAssigned assigned) {
            FieldChange owner = new FieldChange("ownerId", assigned.previousOwnerId(), assigned.ownerId());
            return assigned.territoryId() == null ? List.of(owner) : List.of(owner,
                    new FieldChange("territoryRule", null, assigned.territoryId() + "/" + assigned.ruleId()));
        }
        if (event instanceof LeadWorkStarted) {
            return status(LeadStatus.NEW, LeadStatus.WORKING, List.of());
        }
        if (event instanceof LeadQualified qualified) {
            return status(qualified.previousStatus(), LeadStatus.QUALIFIED, List.of());
        }
        if (event instanceof LeadConsentWithdrawn withdrawn) {
            return consent(withdrawn.previousConsent(), withdrawn.consent());
        }
        if (event instanceof LeadDisqualified disqualified) {
            List<FieldChange> reason = new ArrayList<>();
            reason.add(new FieldChange("disqualificationReason", null, disqualified.reason().name()));
            addIfPresent(reason, "disqualificationNote", disqualified.note());
            return status(disqualified.previousStatus(), LeadStatus.DISQUALIFIED, reason);
        }
        if (event instanceof LeadReopened reopened) {
            return status(reopened.previousStatus(), LeadStatus.WORKING, List.of());
        }
        if (event instanceof LeadConverted converted) {
            return status(converted.previousStatus(), LeadStatus.CONVERTED, List.of(
                    new FieldChange("convertedAccountId", null, converted.accountId()),
                    new FieldChange("convertedContactId", null, converted.contactId())));
        }
        if (event instanceof ConvertedLeadTransferred transferred) {
            return List.of(new FieldChange("convertedAccountId", transferred.previousAccountId(),
                    transferred.accountId()));
        }
        if (event instanceof LeadMergedInto merged) {
            return status(merged.previousStatus(), LeadStatus.MERGED,
                    List.of(new FieldChange("mergedIntoId", null, merged.survivorId())));
        }
        if (event instanceof MergedLeadAbsorbed absorbed) {
            return List.of(new FieldChange("mergedLeadIds", null, absorbed.mergedId()));
        }
        if (event instanceof LeadPersonalDataErased erased) {
            return ErasedPersonalData.changes(erased.request());
        }
        if (event instanceof LeadDuplicateDismissed dismissed) {
            return List.of(new FieldChange("notDuplicateOf", null, dismissed.otherLeadId()));
        }
        return List.of();
    }

    private static List<FieldChange> captured(LeadCaptured event) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("status", null, LeadStatus.NEW.name()));
        changes.add(new FieldChange("source", null, event.source().name()));
        addIfPresent(changes, "sourceDetail", event.sourceDetail());
        for (LeadField field : LeadField.values()) {
            addIfPresent(changes, field.fieldName(), field.valueIn(event.details()));
        }
        if (event.consent() != null) {
            changes.addAll(consent(null, event.consent()));
        }
        addIfPresent(changes, "ownerId", event.ownerId());
        return changes;
    }

    /** A consent is personal: an erased person's reads back as null, before and after a withdrawal alike. */
    private static List<FieldChange> consent(MarketingConsent before, MarketingConsent after) {
        List<FieldChange> changes = new ArrayList<>();
        Changes.add(changes, "marketingConsent", before == null ? null : before.granted(),
                after == null ? null : after.granted());
        Changes.add(changes, "consentDate", before == null ? null : before.date(), after == null ? null : after.date());
        Changes.add(changes, "consentChannel", before == null ? null : before.channel(),
                after == null ? null : after.channel());
        Changes.add(changes, "consentTextVersion", before == null ? null : before.textVersion(),
                after == null ? null : after.textVersion());
        return changes;
    }

    private static List<FieldChange> status(LeadStatus from, LeadStatus to, List<FieldChange> more) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("status", from.name(), to.name()));
        changes.addAll(more);
        return changes;
    }

    private static void addIfPresent(List<FieldChange> changes, String field, String value) {
        if (value != null) {
            changes.add(new FieldChange(field, null, value));
        }
    }
}
