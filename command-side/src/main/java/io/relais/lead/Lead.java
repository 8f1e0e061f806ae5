package io.relais.lead;

import io.relais.common.AuditMetadata;
import io.relais.common.Changes;
import io.relais.common.ConflictException;
import io.relais.common.ExpectedVersion;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.Updates;
import io.relais.organisation.Authorization;
import io.relais.personaldata.DataSubject;
import io.relais.personaldata.DataSubjectKeys;
import io.relais.personaldata.DataSubjectKind;
import io.relais.personaldata.ErasureRequest;
import io.relais.personaldata.PersonalData;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The lead aggregate: decides which changes a lead accepts, and whether the acting user may make them.
 * Command handlers answer with the lead's new version so that the API can hand it to clients as an ETag.
 */
@Aggregate(cache = "leadCache")
public class Lead {

    private static final Set<String> PERSONAL_FIELDS = PersonalData.CATALOGUE.personalFields(LeadDetails.class);

    @AggregateIdentifier
    private String leadId;
    private LeadStatus status;
    private LeadDetails details;
    private String ownerId;
    private MarketingConsent consent;
    private String convertedAccountId;
    private String convertedContactId;
    private String mergedInto;
    private Set<String> absorbedLeads = new HashSet<>();
    private Set<String> dismissedDuplicates = new HashSet<>();
    private boolean personalDataErased;

    protected Lead() {
    }

    @CommandHandler
    public Lead(CaptureLead command, Clock clock,
                @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        apply(command.captured(authorization.requireNewRecordOwner(actorId, command.ownerId()), clock));
    }

    @CommandHandler
    public long handle(UpdateLeadDetails command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        ExpectedVersion.require(command.expectedVersion());
        requireOpen("update a lead");
        if (command.changes() == null || command.changes().isEmpty()) {
            throw new InvalidFieldException("changes", "no-changes", "an update must change at least one field");
        }
        if (personalDataErased) {
            command.changes().keySet().stream().filter(Lead::personal).findFirst().ifPresent(field -> {
                throw erased(field.fieldName(), "be given again");
            });
        }
        LeadDetails updated = detailsWith(command.changes());
        if (!personalDataErased) {
            // an erased lead has no way to reach the person any more, nor may it be given one
            updated.requireContactPoint();
        }
        Updates.record(changes(details, updated), changes -> new LeadDetailsUpdated(leadId, updated, changes));
        return getVersion();
    }

    @CommandHandler
    public long handle(AssignLeadOwner command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        ExpectedVersion.require(command.expectedVersion());
        requireOpen("reassign a lead");
        authorization.reassignment(actorId, command.ownerId(), ownerId)
                .ifPresent(owner -> apply(new LeadOwnerAssigned(leadId, owner, ownerId)));
        return getVersion();
    }

    /**
     * The routing's choice stands only if the lead is still unassigned and open: a person's choice wins.
     */
    @CommandHandler
    public long handle(AutoAssignLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireSystem(actorId);
        if (ownerId == null && status != LeadStatus.CONVERTED && status != LeadStatus.MERGED) {
            authorization.requireNewOwner(actorId, command.ownerId());
            apply(new LeadOwnerAssigned(leadId, command.ownerId(), null, command.territoryId(), command.ruleId()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(StartWorkingLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        ExpectedVersion.require(command.expectedVersion());
        requireStatus("start working a lead", LeadStatus.NEW);
        apply(new LeadWorkStarted(leadId));
        return getVersion();
    }

    @CommandHandler
    public long handle(QualifyLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        ExpectedVersion.require(command.expectedVersion());
        requireStatus("qualify a lead", LeadStatus.NEW, LeadStatus.WORKING);
        apply(new LeadQualified(leadId, status));
        return getVersion();
    }

    @CommandHandler
    public long handle(DisqualifyLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        ExpectedVersion.require(command.expectedVersion());
        String note = Fields.reasonNote(command.reason(), command.note());
        requireStatus("disqualify a lead", LeadStatus.NEW, LeadStatus.WORKING);
        apply(new LeadDisqualified(leadId, command.reason(), note, status));
        return getVersion();
    }

    /**
     * Recorded whatever the lead's status, converted included: the refusal binds the company as long as it holds
     * the person's data. A second withdrawal changes nothing; a merged lead's person lives on in its survivor.
     */
    @CommandHandler
    public long handle(WithdrawLeadConsent command, Clock clock,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        ExpectedVersion.require(command.expectedVersion());
        MarketingConsent refusal = new MarketingConsent(false,
                command.date() == null ? LocalDate.now(clock) : command.date(), command.channel(), null)
                .validated(clock, "");
        if (status == LeadStatus.MERGED) {
            throw new InvalidTransitionException("withdraw a lead's consent", status.name());
        }
        if (personalDataErased) {
            throw erased("consent", "be recorded");
        }
        if (consent == null || consent.granted()) {
            apply(new LeadConsentWithdrawn(leadId, refusal, consent));
        }
        return getVersion();
    }

    /** Converting again into the same account and contact changes nothing, so that a retry is safe. */
    @CommandHandler
    public long handle(ConvertLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        conversion(command.accountId(), command.contactId(), command.expectedVersion(), actorId, authorization)
                .ifPresent(AggregateLifecycle::apply);
        return getVersion();
    }

    @CommandHandler
    public long handle(CheckLeadConversion command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        conversion(command.accountId(), command.contactId(), command.expectedVersion(), actorId, authorization);
        return getVersion();
    }

    /** The event of a conversion the lead takes; none for a retry of the one it took; refused otherwise. */
    private Optional<LeadConverted> conversion(String accountId, String contactId, Long expectedVersion,
                                               String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        ExpectedVersion.require(expectedVersion);
        String account = Fields.identifier("accountId", accountId);
        String contact = Fields.identifier("contactId", contactId);
        if (status == LeadStatus.CONVERTED && account.equals(convertedAccountId)
                && contact.equals(convertedContactId)) {
            return Optional.empty();
        }
        requireStatus("convert a lead", LeadStatus.QUALIFIED);
        if (personalDataErased) {
            throw erased("leadId", "become a contact");
        }
        return Optional.of(new LeadConverted(leadId, account, contact, status));
    }

    @CommandHandler
    public long handle(ReopenLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        ExpectedVersion.require(command.expectedVersion());
        requireStatus("reopen a lead", LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED);
        apply(new LeadReopened(leadId, status));
        return getVersion();
    }

    /**
     * Ends this lead as a duplicate of the survivor, which the merge process then makes take over its
     * details. A converted lead cannot be merged away: its account and contact point to it.
     */
    @CommandHandler
    public long handle(MergeLeadInto command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, OtherLeads others) {
        authorization.requireCurate(actorId, ownerId, leadId);
        ExpectedVersion.require(command.expectedVersion());
        String survivor = Fields.identifier("survivorId", command.survivorId());
        if (survivor.equals(mergedInto)) {
            return getVersion();
        }
        if (others.status(survivor).filter(LeadStatus.MERGED::equals).isPresent()) {
            throw new InvalidTransitionException("merge into a lead", LeadStatus.MERGED.name());
        }
        requireOpen("merge a lead");
        if (survivor.equals(leadId)) {
            throw new InvalidFieldException("survivorId", "same-record", "A lead cannot be merged into itself");
        }
        apply(new LeadMergedInto(leadId, survivor, details, status));
        return getVersion();
    }

    /** The merged duplicate's details fill this lead's blanks, unless it is converted (it changes no more). */
    @CommandHandler
    public long handle(AbsorbMergedLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireSystem(actorId);
        if (absorbedLeads.contains(command.mergedId())) {
            return getVersion();
        }
        if (status == LeadStatus.MERGED) {
            throw new InvalidTransitionException("absorb a merged lead", status.name());
        }
        if (status != LeadStatus.CONVERTED && !personalDataErased && command.details() != null) {
            LeadDetails completed = details.filledFrom(command.details());
            Updates.record(changes(details, completed), changes -> new LeadDetailsUpdated(leadId, completed, changes));
        }
        apply(new MergedLeadAbsorbed(leadId, command.mergedId()));
        return getVersion();
    }

    /** Follows the merge of the account this lead was converted into; a repeated transfer changes nothing. */
    @CommandHandler
    public long handle(TransferConvertedLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireSystem(actorId);
        if (command.accountId().equals(convertedAccountId)) {
            return getVersion();
        }
        requireStatus("transfer a converted lead", LeadStatus.CONVERTED);
        if (!command.previousAccountId().equals(convertedAccountId)) {
            throw new InvalidFieldException("previousAccountId", "not-converted-into",
                    "The lead was converted into " + convertedAccountId + ", not " + command.previousAccountId());
        }
        apply(new ConvertedLeadTransferred(leadId, command.accountId(), convertedAccountId));
        return getVersion();
    }

    @CommandHandler
    public long handle(DismissLeadDuplicate command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireCurate(actorId, ownerId, leadId);
        requireOpen("review a lead's duplicates");
        String other = Fields.identifier("otherId", command.otherLeadId());
        if (other.equals(leadId)) {
            throw new InvalidFieldException("otherId", "same-record", "A lead is not a duplicate of itself");
        }
        if (!dismissedDuplicates.contains(other)) {
            apply(new LeadDuplicateDismissed(leadId, other));
        }
        return getVersion();
    }

    /**
     * Deletes the lead's key: its personal values read as null from then on, in every event (ADR 013). A
     * second erasure changes nothing. The contact a converted lead became is the same person: the erasure
     * process erases it too.
     */
    @CommandHandler
    public long handle(EraseLeadPersonalData command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, DataSubjectKeys keys) {
        authorization.requireDataProtection(actorId);
        ErasureRequest request = Fields.present("request", command.request()).validated();
        if (keys.erase(new DataSubject(DataSubjectKind.LEAD, leadId))) {
            apply(new LeadPersonalDataErased(leadId, request, convertedAccountId, convertedContactId));
        }
        return getVersion();
    }

    private static boolean personal(LeadField field) {
        return PERSONAL_FIELDS.contains(field.fieldName());
    }

    private ConflictException erased(String field, String action) {
        return new ConflictException(field, "personal-data-erased",
                "The lead's personal data was erased: its " + field + " cannot " + action);
    }

    /**
     * A converted lead lives on as its account's contact, a merged one in its survivor: that is where they
     * change.
     */
    private void requireOpen(String action) {
        if (status == LeadStatus.CONVERTED || status == LeadStatus.MERGED) {
            throw new InvalidTransitionException(action, status.name());
        }
    }

    /** Only the fields asked for are checked: values stored under older rules stay as they are. */
    private LeadDetails detailsWith(Map<LeadField, String> changes) {
        LeadDetails updated = details;
        for (Map.Entry<LeadField, String> change : changes.entrySet()) {
            updated = change.getKey().set(updated, change.getKey().validate(change.getValue()));
        }
        return updated;
    }

    private static List<FieldChange> changes(LeadDetails before, LeadDetails after) {
        List<FieldChange> changes = new ArrayList<>();
        for (LeadField field : LeadField.values()) {
            Changes.add(changes, field.fieldName(), field.valueIn(before), field.valueIn(after));
        }
        return changes;
    }

    private void requireStatus(String action, LeadStatus... allowed) {
        for (LeadStatus candidate : allowed) {
            if (candidate == status) {
                return;
            }
        }
        throw new InvalidTransitionException(action, status.name());
    }

    @EventSourcingHandler
    void on(LeadCaptured event) {
        leadId = event.leadId();
        status = LeadStatus.NEW;
        details = event.details();
        ownerId = event.ownerId();
        consent = event.consent();
    }

    @EventSourcingHandler
    void on(LeadConsentWithdrawn event) {
        consent = event.consent();
    }

    @EventSourcingHandler
    void on(LeadDetailsUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(LeadOwnerAssigned event) {
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(LeadWorkStarted event) {
        status = LeadStatus.WORKING;
    }

    @EventSourcingHandler
    void on(LeadQualified event) {
        status = LeadStatus.QUALIFIED;
    }

    @EventSourcingHandler
    void on(LeadDisqualified event) {
        status = LeadStatus.DISQUALIFIED;
    }

    @EventSourcingHandler
    void on(LeadConverted event) {
        status = LeadStatus.CONVERTED;
        convertedAccountId = event.accountId();
        convertedContactId = event.contactId();
    }

    @EventSourcingHandler
    void on(LeadReopened event) {
        status = LeadStatus.WORKING;
    }

    @EventSourcingHandler
    void on(LeadMergedInto event) {
        status = LeadStatus.MERGED;
        mergedInto = event.survivorId();
    }

    @EventSourcingHandler
    void on(MergedLeadAbsorbed event) {
        absorbedLeads.add(event.mergedId());
    }

    @EventSourcingHandler
    void on(ConvertedLeadTransferred event) {
        convertedAccountId = event.accountId();
    }

    @EventSourcingHandler
    void on(LeadPersonalDataErased event) {
        personalDataErased = true;
        consent = null;
        for (LeadField field : LeadField.values()) {
            if (personal(field)) {
                details = field.set(details, null);
            }
        }
    }

    @EventSourcingHandler
    void on(LeadDuplicateDismissed event) {
        dismissedDuplicates.add(event.otherLeadId());
    }
}
