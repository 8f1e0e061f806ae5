package io.relais.lead;

import io.relais.common.AuditMetadata;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.organisation.Authorization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The lead aggregate: decides which changes a lead accepts, and whether the acting user may make them.
 * Command handlers answer with the lead's new version so that the API can hand it to clients as an ETag.
 */
@Aggregate(cache = "leadCache")
public class Lead {

    @AggregateIdentifier
    private String leadId;
    private LeadStatus status;
    private LeadDetails details;
    private String ownerId;
    private String convertedAccountId;
    private String convertedContactId;

    protected Lead() {
    }

    @CommandHandler
    public Lead(CaptureLead command, Clock clock,
                @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        String owner = Fields.optionalUserId("ownerId", command.ownerId());
        if (owner == null) {
            authorization.requireCreate(actorId);
        } else {
            authorization.requireNewOwner(actorId, owner);
        }
        Fields.exactIdentifier("leadId", command.leadId());
        LeadDetails validDetails = command.details() == null
                ? new LeadDetails(null, null, null, null, null, null, null, null, null, null, null, null, null)
                : command.details().validated();
        validDetails.requireContactPoint();
        if (command.source() == null) {
            throw new InvalidFieldException("source", "required", "source is required");
        }
        MarketingConsent consent = command.consent() == null ? null : command.consent().validated(clock);
        apply(new LeadCaptured(command.leadId(), validDetails, command.source(),
                Fields.text("sourceDetail", command.sourceDetail(), 200), consent, owner));
    }

    @CommandHandler
    public long handle(UpdateLeadDetails command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        requireNotConverted("update a lead");
        if (command.changes() == null || command.changes().isEmpty()) {
            throw new InvalidFieldException("changes", "no-changes", "an update must change at least one field");
        }
        // Only the fields asked for are checked: values stored under older rules stay as they are.
        LeadDetails updated = details;
        for (Map.Entry<LeadField, String> change : command.changes().entrySet()) {
            updated = change.getKey().set(updated, change.getKey().validate(change.getValue()));
        }
        updated.requireContactPoint();
        List<FieldChange> changes = new ArrayList<>();
        for (LeadField field : LeadField.values()) {
            String before = field.valueIn(details);
            String after = field.valueIn(updated);
            if (before == null ? after != null : !before.equals(after)) {
                changes.add(new FieldChange(field.fieldName(), before, after));
            }
        }
        if (!changes.isEmpty()) {
            apply(new LeadDetailsUpdated(leadId, updated, changes));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(AssignLeadOwner command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        requireNotConverted("reassign a lead");
        String owner = Fields.userId("ownerId", command.ownerId());
        if (!owner.equals(ownerId)) {
            authorization.requireNewOwner(actorId, owner);
            apply(new LeadOwnerAssigned(leadId, owner, ownerId));
        }
        return getVersion();
    }

    /**
     * The routing's choice stands only if the lead is still unassigned and not converted: a person's choice
     * wins.
     */
    @CommandHandler
    public long handle(AutoAssignLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireSystem(actorId);
        if (ownerId == null && status != LeadStatus.CONVERTED) {
            authorization.requireNewOwner(actorId, command.ownerId());
            apply(new LeadOwnerAssigned(leadId, command.ownerId(), null, command.territoryId(), command.ruleId()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(StartWorkingLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        requireStatus("start working a lead", LeadStatus.NEW);
        apply(new LeadWorkStarted(leadId));
        return getVersion();
    }

    @CommandHandler
    public long handle(QualifyLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        requireStatus("qualify a lead", LeadStatus.NEW, LeadStatus.WORKING);
        apply(new LeadQualified(leadId, status));
        return getVersion();
    }

    @CommandHandler
    public long handle(DisqualifyLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        if (command.reason() == null) {
            throw new InvalidFieldException("reason", "required", "reason is required");
        }
        String note = Fields.text("note", command.note(), 1000);
        if (command.reason() == DisqualificationReason.OTHER && note == null) {
            throw new InvalidFieldException("note", "required", "note is required when the reason is OTHER");
        }
        requireStatus("disqualify a lead", LeadStatus.NEW, LeadStatus.WORKING);
        apply(new LeadDisqualified(leadId, command.reason(), note, status));
        return getVersion();
    }

    /** Converting again into the same account and contact changes nothing, so that a retry is safe. */
    @CommandHandler
    public long handle(ConvertLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        String accountId = Fields.identifier("accountId", command.accountId());
        String contactId = Fields.identifier("contactId", command.contactId());
        if (status == LeadStatus.CONVERTED && accountId.equals(convertedAccountId)
                && contactId.equals(convertedContactId)) {
            return getVersion();
        }
        requireStatus("convert a lead", LeadStatus.QUALIFIED);
        apply(new LeadConverted(leadId, accountId, contactId, status));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReopenLead command,
                       @MetaDataValue(AuditMetadata.USER_ID) String actorId, Authorization authorization) {
        authorization.requireChange(actorId, ownerId, leadId);
        requireStatus("reopen a lead", LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED);
        apply(new LeadReopened(leadId, status));
        return getVersion();
    }

    /** A converted lead lives on as its account's contact: that is where it changes. */
    private void requireNotConverted(String action) {
        if (status == LeadStatus.CONVERTED) {
            throw new InvalidTransitionException(action, status.name());
        }
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
}
