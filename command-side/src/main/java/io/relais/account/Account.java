package io.relais.account;

import io.relais.common.AuditMetadata;
import io.relais.common.ConflictException;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.IncompleteRecordException;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.RecordNotFoundException;
import io.relais.organisation.Authorization;
import io.relais.organisation.Profile;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * An account (a company, prospect or customer) with its contacts. The CRM side is flexible: a prospect
 * needs only its legal name. The ERP side is exact: becoming a customer needs the ERP's mandatory fields,
 * and once linked to the ERP, the ERP-mastered fields change only through a data steward or an ERP sync.
 */
@Aggregate(cache = "accountCache")
public class Account {

    @AggregateIdentifier
    private String accountId;
    private AccountStatus status;
    private AccountDetails details;
    private String ownerId;
    private String erpId;
    private Map<String, ContactDetails> contacts = new HashMap<>();
    private Set<String> contactLinks = new HashSet<>();
    private Set<String> convertedLeads = new HashSet<>();

    protected Account() {
    }

    @CommandHandler
    public Account(CreateAccount command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                   Authorization authorization) {
        String owner = Fields.optionalUserId("ownerId", command.ownerId());
        if (owner == null) {
            Profile profile = authorization.requireCreate(actorId);
            // a sales user's new account is theirs, or they could not see it
            if (profile == Profile.SALES_REP || profile == Profile.SALES_MANAGER) {
                owner = actorId;
            }
        } else {
            authorization.requireNewOwner(actorId, owner);
        }
        Fields.exactIdentifier("accountId", command.accountId());
        if (command.details() == null) {
            throw new InvalidFieldException("legalName", "required", "legalName is required");
        }
        apply(new AccountCreated(command.accountId(), command.details().validated(), owner));
    }

    @CommandHandler
    public long handle(UpdateAccountDetails command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireVisible(actorId, ownerId, accountId);
        Set<AccountField> fields = command.fields() == null ? Set.of() : command.fields();
        if (fields.isEmpty() || command.changes() == null) {
            throw new InvalidFieldException("changes", "no-changes", "an update must change at least one field");
        }
        boolean erpFieldsOnly = fields.stream().allMatch(AccountField::erpMastered);
        if (erpId != null && fields.stream().anyMatch(AccountField::erpMastered)) {
            authorization.requireDataSteward(actorId);
        }
        if (erpId == null || !erpFieldsOnly) {
            authorization.requireChange(actorId, ownerId, accountId);
        }
        AccountDetails updated = details.merge(command.changes(), fields);
        List<FieldChange> changes = FieldChanges.ofAccount(details, updated);
        if (!changes.isEmpty()) {
            apply(new AccountDetailsUpdated(accountId, updated, changes));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(SyncAccountFromErp command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireVisible(actorId, ownerId, accountId);
        authorization.requireDataSteward(actorId);
        if (erpId == null) {
            throw new InvalidTransitionException("sync an account that is not linked to the ERP", status.name());
        }
        Set<AccountField> fields = command.fields() == null ? Set.of() : command.fields();
        AccountField notMastered = fields.stream().filter(field -> !field.erpMastered()).findFirst().orElse(null);
        if (notMastered != null) {
            throw new InvalidFieldException(notMastered.fieldName(), "not-erp-mastered",
                    notMastered.fieldName() + " is kept by the CRM, not the ERP");
        }
        if (fields.isEmpty() || command.values() == null) {
            throw new InvalidFieldException("fields", "no-changes", "a sync must name at least one field");
        }
        AccountDetails updated = details.merge(command.values(), fields);
        List<FieldChange> changes = FieldChanges.ofAccount(details, updated);
        if (!changes.isEmpty()) {
            apply(new AccountSyncedFromErp(accountId, updated, changes));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(AssignAccountOwner command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, accountId);
        String owner = Fields.userId("ownerId", command.ownerId());
        if (!owner.equals(ownerId)) {
            authorization.requireNewOwner(actorId, owner);
            apply(new AccountOwnerAssigned(accountId, owner, ownerId));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(PromoteAccountToCustomer command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, accountId);
        if (status != AccountStatus.PROSPECT) {
            throw new InvalidTransitionException("make a customer of an account", status.name());
        }
        List<String> missing = details.missingForCustomer();
        if (!missing.isEmpty()) {
            throw new IncompleteRecordException("erp-fields-missing", "A customer needs these fields for the ERP",
                    missing);
        }
        apply(new AccountPromotedToCustomer(accountId));
        return getVersion();
    }

    @CommandHandler
    public long handle(LinkAccountToErp command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireVisible(actorId, ownerId, accountId);
        authorization.requireDataSteward(actorId);
        String id = Fields.identifier("erpId", command.erpId());
        if (status != AccountStatus.CUSTOMER) {
            throw new InvalidTransitionException("link an account to the ERP", status.name());
        }
        if (erpId != null && !erpId.equals(id)) {
            throw new ConflictException("erpId", "already-linked", "The account is already linked to ERP record "
                    + erpId);
        }
        if (erpId == null) {
            apply(new AccountLinkedToErp(accountId, id));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(AddContact command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, accountId);
        Fields.exactIdentifier("contactId", command.contactId());
        if (command.details() == null) {
            throw new InvalidFieldException("lastName", "required", "A contact needs a first or last name");
        }
        ContactDetails valid = command.details().validated();
        if (contacts.containsKey(command.contactId())) {
            throw new ConflictException("contactId", "contact-exists",
                    "The account already has a contact " + command.contactId());
        }
        String leadId = command.leadId() == null ? null : Fields.identifier("leadId", command.leadId());
        apply(new ContactAdded(accountId, command.contactId(), valid, leadId));
        return getVersion();
    }

    @CommandHandler
    public long handle(UpdateContact command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, accountId);
        ContactDetails current = requireContact(command.contactId());
        if (command.details() == null) {
            throw new InvalidFieldException("lastName", "required", "A contact needs a first or last name");
        }
        ContactDetails updated = command.details().validated();
        List<FieldChange> changes = FieldChanges.ofContact(current, updated);
        if (!changes.isEmpty()) {
            apply(new ContactUpdated(accountId, command.contactId(), updated, changes));
        }
        return getVersion();
    }

    /** The account points to the leads converted into it; attaching the same lead again changes nothing. */
    @CommandHandler
    public long handle(AttachConvertedLead command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, accountId);
        requireContact(command.contactId());
        String leadId = Fields.identifier("leadId", command.leadId());
        if (!convertedLeads.contains(leadId)) {
            apply(new LeadConvertedIntoAccount(accountId, leadId, command.contactId()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(LinkContacts command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, accountId);
        requireContact(command.contactId());
        String linked = Fields.identifier("linkedContactId", command.linkedContactId());
        if (linked.equals(command.contactId())) {
            throw new InvalidFieldException("linkedContactId", "same-contact", "A contact cannot be linked to itself");
        }
        if (command.kind() == null) {
            throw new InvalidFieldException("kind", "required", "kind is required");
        }
        if (!contactLinks.contains(linkKey(command.contactId(), linked, command.kind()))) {
            apply(new ContactsLinked(accountId, command.contactId(), linked, command.kind()));
        }
        return getVersion();
    }


    private ContactDetails requireContact(String contactId) {
        ContactDetails contact = contactId == null ? null : contacts.get(contactId);
        if (contact == null) {
            throw new RecordNotFoundException(String.valueOf(contactId));
        }
        return contact;
    }

    private static String linkKey(String contactId, String linkedContactId, ContactLinkKind kind) {
        return contactId + "|" + linkedContactId + "|" + kind;
    }

    @EventSourcingHandler
    void on(AccountCreated event) {
        accountId = event.accountId();
        status = AccountStatus.PROSPECT;
        details = event.details();
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(AccountDetailsUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(AccountSyncedFromErp event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(AccountOwnerAssigned event) {
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(AccountPromotedToCustomer event) {
        status = AccountStatus.CUSTOMER;
    }

    @EventSourcingHandler
    void on(AccountLinkedToErp event) {
        erpId = event.erpId();
    }

    @EventSourcingHandler
    void on(ContactAdded event) {
        contacts.put(event.contactId(), event.details());
    }

    @EventSourcingHandler
    void on(ContactUpdated event) {
        contacts.put(event.contactId(), event.details());
    }

    @EventSourcingHandler
    void on(LeadConvertedIntoAccount event) {
        convertedLeads.add(event.leadId());
    }

    @EventSourcingHandler
    void on(ContactsLinked event) {
        contactLinks.add(linkKey(event.contactId(), event.linkedContactId(), event.kind()));
    }
}
