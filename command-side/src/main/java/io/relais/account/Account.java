package io.relais.account;

import io.relais.common.AuditMetadata;
import io.relais.common.ConflictException;
import io.relais.common.ExpectedVersion;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.IncompleteRecordException;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.common.Updates;
import io.relais.organisation.Authorization;
import io.relais.personaldata.DataSubject;
import io.relais.personaldata.DataSubjectKeys;
import io.relais.personaldata.DataSubjectKind;
import io.relais.personaldata.ErasureRequest;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * An account (a company, prospect or customer) with its contacts. The CRM side is flexible: a prospect
 * needs only its legal name. The ERP side is exact: becoming a customer needs the ERP's mandatory fields,
 * and once linked to the ERP, the ERP-mastered fields change only through a data steward or an ERP sync.
 * A duplicate merged into another account ends with {@link AccountMergedInto} and refuses every change.
 */
@Aggregate(cache = "accountCache")
public class Account {

    @AggregateIdentifier
    private String accountId;
    private AccountStatus status;
    private AccountDetails details;
    private String ownerId;
    private String erpId;
    private String mergedInto;
    private Map<String, ContactDetails> contacts = new LinkedHashMap<>();
    private Map<String, String> contactLeads = new HashMap<>();
    private Map<String, Set<ContactLink>> contactLinks = new HashMap<>();
    private Set<String> convertedLeads = new LinkedHashSet<>();
    private Set<String> absorbedAccounts = new HashSet<>();
    private Set<String> dismissedDuplicates = new HashSet<>();

    protected Account() {
    }

    @CommandHandler
    public Account(CreateAccount command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                   Authorization authorization) {
        apply(command.created(authorization.requireNewRecordOwner(actorId, command.ownerId())));
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
        ExpectedVersion.require(command.expectedVersion());
        requireLive("update an account");
        AccountDetails updated = details.merge(command.changes(), fields);
        Updates.record(FieldChanges.ofAccount(details, updated),
                changes -> new AccountDetailsUpdated(accountId, updated, changes));
        return getVersion();
    }

    @CommandHandler
    public long handle(SyncAccountFromErp command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireVisible(actorId, ownerId, accountId);
        authorization.requireDataSteward(actorId);
        requireLive("sync an account from the ERP");
        if (erpId == null) {
            throw new InvalidTransitionException("sync an account that is not linked to the ERP", status.name());
        }
        Set<AccountField> fields = fieldsFrom(command.fields(), command.values(), AccountField::erpMastered,
                "not-erp-mastered", "is kept by the CRM, not the ERP", "a sync must name at least one field");
        AccountDetails updated = details.merge(command.values(), fields);
        Updates.record(FieldChanges.ofAccount(details, updated),
                changes -> new AccountSyncedFromErp(accountId, updated, changes));
        return getVersion();
    }

    /**
     * Whoever may change the account fills what it lacks from a company register; changing a value it has (or an
     * ERP-mastered field of a linked account) is for data stewards, whose job is data quality.
     */
    @CommandHandler
    public long handle(FillAccountFromRegister command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireVisible(actorId, ownerId, accountId);
        ExpectedVersion.require(command.expectedVersion());
        requireLive("fill an account from a register");
        String register = Fields.required("register", command.register(), 40);
        String siret = Fields.siret("siret", Fields.present("siret", command.siret()));
        Set<AccountField> fields = fieldsFrom(command.fields(), command.values(),
                FillAccountFromRegister.REGISTER_FIELDS::contains, "not-from-register",
                "is not something a company register says", "a register's values must fill at least one field");
        AccountDetails filled = details.merge(command.values(), fields);
        List<FieldChange> changes = FieldChanges.ofAccount(details, filled);
        boolean erpFields = erpId != null && changes.stream()
                .anyMatch(change -> AccountField.isErpMastered(change.field()));
        if (!authorization.dataSteward(actorId)) {
            if (erpFields || FillAccountFromRegister.overwrites(details, filled)) {
                throw new NotPermittedException("Only data stewards change an account's values (or its ERP-mastered "
                        + "fields) from a company register; others fill what it lacks");
            }
            authorization.requireChange(actorId, ownerId, accountId);
        }
        Updates.record(changes, recorded -> new AccountFilledFromRegister(accountId, register, siret, filled,
                recorded));
        return getVersion();
    }

    @CommandHandler
    public long handle(AssignAccountOwner command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, accountId);
        ExpectedVersion.require(command.expectedVersion());
        requireLive("reassign an account");
        authorization.reassignment(actorId, command.ownerId(), ownerId)
                .ifPresent(owner -> apply(new AccountOwnerAssigned(accountId, owner, ownerId)));
        return getVersion();
    }

    @CommandHandler
    public long handle(PromoteAccountToCustomer command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, accountId);
        ExpectedVersion.require(command.expectedVersion());
        requireLive("make a customer of an account");
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
        ExpectedVersion.require(command.expectedVersion());
        requireLive("link an account to the ERP");
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
        requireLive("add a contact");
        Fields.exactIdentifier("contactId", command.contactId());
        ContactDetails valid = ContactDetails.requireValid(command.details());
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
                       Authorization authorization, DataSubjectKeys keys) {
        authorization.requireChange(actorId, ownerId, accountId);
        ExpectedVersion.require(command.expectedVersion());
        requireLive("update a contact");
        ContactDetails current = requireContact(command.contactId());
        if (keys.erased(new DataSubject(DataSubjectKind.CONTACT, command.contactId()))) {
            throw new ConflictException("details", "personal-data-erased",
                    "The contact's personal data was erased: its details cannot be given again");
        }
        ContactDetails updated = ContactDetails.requireValid(command.details());
        Updates.record(FieldChanges.ofContact(current, updated),
                changes -> new ContactUpdated(accountId, command.contactId(), updated, changes));
        return getVersion();
    }

    /**
     * Deletes the contact's key: its personal values read as null from then on, in every event of every
     * account it has been in (ADR 013). A second erasure changes nothing. A contact converted from a lead is
     * the same person: the erasure process erases the lead too.
     */
    @CommandHandler
    public long handle(EraseContactPersonalData command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, DataSubjectKeys keys) {
        authorization.requireDataProtection(actorId);
        ErasureRequest request = Fields.present("request", command.request()).validated();
        requireContact(command.contactId());
        if (keys.erase(new DataSubject(DataSubjectKind.CONTACT, command.contactId()))) {
            apply(new ContactPersonalDataErased(accountId, command.contactId(), request,
                    contactLeads.get(command.contactId())));
        }
        return getVersion();
    }

    /** The account points to the leads converted into it; attaching the same lead again changes nothing. */
    @CommandHandler
    public long handle(AttachConvertedLead command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, accountId);
        requireLive("attach a converted lead");
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
        requireLive("link contacts");
        requireContact(command.contactId());
        String linked = Fields.identifier("linkedContactId", command.linkedContactId());
        if (linked.equals(command.contactId())) {
            throw new InvalidFieldException("linkedContactId", "same-contact", "A contact cannot be linked to itself");
        }
        Fields.present("kind", command.kind());
        if (!contactLinks.getOrDefault(command.contactId(), Set.of()).contains(new ContactLink(linked, command.kind()))) {
            apply(new ContactsLinked(accountId, command.contactId(), linked, command.kind()));
        }
        return getVersion();
    }


    /** The contact leaves for another account, which the transfer process then makes take it in. */
    @CommandHandler
    public long handle(MoveContact command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, OtherAccounts others) {
        authorization.requireChange(actorId, ownerId, accountId);
        ExpectedVersion.require(command.expectedVersion());
        requireLive("move a contact");
        requireContact(command.contactId());
        String target = Fields.identifier("toAccountId", command.toAccountId());
        if (target.equals(accountId)) {
            throw new InvalidFieldException("toAccountId", "same-account", "The contact is already in this account");
        }
        if (others.standing(target).filter(OtherAccounts.Standing::merged).isPresent()) {
            throw new InvalidTransitionException("move a contact into an account", AccountStatus.MERGED.name());
        }
        apply(new ContactMovedOut(accountId, target, transfer(command.contactId())));
        return getVersion();
    }

    /** A contact arriving twice (a retried transfer) is taken in once. */
    @CommandHandler
    public long handle(ReceiveContact command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireSystem(actorId);
        requireLive("receive a contact");
        if (!contacts.containsKey(command.contact().contactId())) {
            apply(new ContactMovedIn(accountId, command.fromAccountId(), command.contact()));
        }
        return getVersion();
    }

    /**
     * Ends this account as a duplicate of the survivor. Everything the survivor takes over travels in the
     * event, so the merge process needs nothing else from this account. The survivor must be live, and two
     * accounts linked to two ERP records are merged in the ERP first (it masters them).
     */
    @CommandHandler
    public long handle(MergeAccountInto command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, OtherAccounts others) {
        authorization.requireCurate(actorId, ownerId, accountId);
        ExpectedVersion.require(command.expectedVersion());
        String survivor = Fields.identifier("survivorId", command.survivorId());
        if (survivor.equals(mergedInto)) {
            return getVersion();
        }
        Optional<OtherAccounts.Standing> survivorStanding = others.standing(survivor);
        if (survivorStanding.filter(OtherAccounts.Standing::merged).isPresent()) {
            throw new InvalidTransitionException("merge into an account", AccountStatus.MERGED.name());
        }
        String survivorErpId = survivorStanding.map(OtherAccounts.Standing::erpId).orElse(null);
        if (survivorErpId != null && erpId != null && !survivorErpId.equals(erpId)) {
            throw new ConflictException("duplicateId", "erp-records-differ", "The accounts are linked to two ERP "
                    + "records (" + survivorErpId + ", " + erpId + "): merge them in the ERP first");
        }
        requireLive("merge an account");
        if (survivor.equals(accountId)) {
            throw new InvalidFieldException("survivorId", "same-record", "An account cannot be merged into itself");
        }
        List<ContactTransfer> transfers = contacts.keySet().stream().map(this::transfer).toList();
        apply(new AccountMergedInto(accountId, survivor, transfers, List.copyOf(convertedLeads), details, status,
                erpId));
        return getVersion();
    }

    /**
     * Takes over a merged duplicate: its contacts move in, its details fill the blanks (the ERP-linked side's
     * ERP-mastered values win, since the ERP is their master), and a customer's status and ERP link carry over.
     */
    @CommandHandler
    public long handle(AbsorbMergedAccount command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireSystem(actorId);
        if (absorbedAccounts.contains(command.mergedId())) {
            return getVersion();
        }
        requireLive("absorb a merged account");
        List<String> moved = new ArrayList<>();
        for (ContactTransfer contact : command.contacts()) {
            if (!contacts.containsKey(contact.contactId())) {
                apply(new ContactMovedIn(accountId, command.mergedId(), contact));
                moved.add(contact.contactId());
            }
        }
        boolean takesErpLink = erpId == null && command.erpId() != null;
        AccountDetails completed = takesErpLink
                ? details.withErpFieldsFrom(command.details()).filledFrom(command.details(), false)
                : details.filledFrom(command.details(), erpId != null);
        Updates.record(FieldChanges.ofAccount(details, completed),
                changes -> new AccountDetailsUpdated(accountId, completed, changes));
        // The ERP already knows a linked duplicate as its customer: the survivor becomes that customer even if
        // the ERP left some of its fields empty. An unlinked customer's status carries over once complete.
        boolean becomesCustomer = takesErpLink
                || command.status() == AccountStatus.CUSTOMER && details.missingForCustomer().isEmpty();
        if (status == AccountStatus.PROSPECT && becomesCustomer) {
            apply(new AccountPromotedToCustomer(accountId));
        }
        if (takesErpLink) {
            apply(new AccountLinkedToErp(accountId, command.erpId()));
        }
        apply(new MergedAccountAbsorbed(accountId, command.mergedId(), moved, command.convertedLeadIds()));
        return getVersion();
    }

    @CommandHandler
    public long handle(DismissAccountDuplicate command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireCurate(actorId, ownerId, accountId);
        requireLive("review an account's duplicates");
        String other = Fields.identifier("otherId", command.otherAccountId());
        if (other.equals(accountId)) {
            throw new InvalidFieldException("otherId", "same-record", "An account is not a duplicate of itself");
        }
        if (!dismissedDuplicates.contains(other)) {
            apply(new AccountDuplicateDismissed(accountId, other));
        }
        return getVersion();
    }

    private ContactTransfer transfer(String contactId) {
        return new ContactTransfer(contactId, contacts.get(contactId), contactLeads.get(contactId),
                List.copyOf(contactLinks.getOrDefault(contactId, Set.of())));
    }

    private void requireLive(String action) {
        if (status == AccountStatus.MERGED) {
            throw new InvalidTransitionException(action, status.name());
        }
    }

    private ContactDetails requireContact(String contactId) {
        ContactDetails contact = contactId == null ? null : contacts.get(contactId);
        if (contact == null) {
            throw new RecordNotFoundException(String.valueOf(contactId));
        }
        return contact;
    }


    @EventSourcingHandler
    void on(AccountCreated event) {
        accountId = event.accountId();
        status = AccountStatus.PROSPECT;
        details = event.details();
        ownerId = event.ownerId();
    }

    /**
     * The fields an outside source's command names for its {@code values}: each one it may set ({@code allowed},
     * else refused with {@code code}: "<field> {@code why}"), and at least one ({@code none} says so).
     */
    private static Set<AccountField> fieldsFrom(Set<AccountField> named, AccountDetails values,
                                                Predicate<AccountField> allowed, String code, String why, String none) {
        Set<AccountField> fields = named == null ? Set.of() : named;
        fields.stream().filter(allowed.negate()).findFirst().ifPresent(field -> {
            throw new InvalidFieldException(field.fieldName(), code, field.fieldName() + " " + why);
        });
        if (fields.isEmpty() || values == null) {
            throw new InvalidFieldException("fields", "no-changes", none);
        }
        return fields;
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
    void on(AccountFilledFromRegister event) {
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
        if (event.leadId() != null) {
            contactLeads.put(event.contactId(), event.leadId());
        }
    }

    @EventSourcingHandler
    void on(ContactUpdated event) {
        contacts.put(event.contactId(), event.details());
    }

    /** Everything about a contact is personal data (PersonalData): nothing of it is left. */
    @EventSourcingHandler
    void on(ContactPersonalDataErased event) {
        contacts.put(event.contactId(), new ContactDetails(null, null, null, List.of(), List.of(), null, null, null));
    }

    @EventSourcingHandler
    void on(LeadConvertedIntoAccount event) {
        convertedLeads.add(event.leadId());
    }

    @EventSourcingHandler
    void on(ContactsLinked event) {
        contactLinks.computeIfAbsent(event.contactId(), id -> new LinkedHashSet<>())
                .add(new ContactLink(event.linkedContactId(), event.kind()));
    }

    @EventSourcingHandler
    void on(ContactMovedOut event) {
        String contactId = event.contact().contactId();
        contacts.remove(contactId);
        contactLeads.remove(contactId);
        contactLinks.remove(contactId);
    }

    @EventSourcingHandler
    void on(ContactMovedIn event) {
        ContactTransfer contact = event.contact();
        contacts.put(contact.contactId(), contact.details());
        if (contact.leadId() != null) {
            contactLeads.put(contact.contactId(), contact.leadId());
        }
        if (!contact.links().isEmpty()) {
            contactLinks.put(contact.contactId(), new LinkedHashSet<>(contact.links()));
        }
    }

    @EventSourcingHandler
    void on(AccountMergedInto event) {
        status = AccountStatus.MERGED;
        mergedInto = event.survivorId();
    }

    @EventSourcingHandler
    void on(MergedAccountAbsorbed event) {
        absorbedAccounts.add(event.mergedId());
        convertedLeads.addAll(event.convertedLeadIds());
    }

    @EventSourcingHandler
    void on(AccountDuplicateDismissed event) {
        dismissedDuplicates.add(event.otherAccountId());
    }
}
