package io.relais.account;

import io.relais.common.FieldChange;
import io.relais.personaldata.ErasedPersonalData;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What each account event changed, field by field, as the 360° timeline shows it. */
public final class AccountEventChanges {

    /** The fields of a contact's changes that hold the contact's personal data. */
    public static final Set<String> CONTACT_PERSONAL_FIELDS = ErasedPersonalData.personalFields(ContactDetails.class);

    private AccountEventChanges() {
    }

    /** The changes {@code event} made; empty for an event that changes no field. */
    public static List<FieldChange> of(Object event) {
        if (event instanceof AccountCreated created) {
            List<FieldChange> changes = new ArrayList<>();
            changes.add(new FieldChange("status", null, AccountStatus.PROSPECT.name()));
            changes.addAll(FieldChanges.ofAccount(null, created.details()));
            if (created.ownerId() != null) {
                changes.add(new FieldChange("ownerId", null, created.ownerId()));
            }
            return changes;
        }
        if (event instanceof AccountDetailsUpdated updated) {
            return updated.changes();
        }
        if (event instanceof AccountSyncedFromErp synced) {
            return synced.changes();
        }
        if (event instanceof AccountFilledFromRegister filled) {
            return filled.changes();
        }
        if (event instanceof AccountOwnerAssigned assigned) {
            return List.of(new FieldChange("ownerId", assigned.previousOwnerId(), assigned.ownerId()));
        }
        if (event instanceof AccountPromotedToCustomer) {
            return List.of(new FieldChange("status", AccountStatus.PROSPECT.name(), AccountStatus.CUSTOMER.name()));
        }
        if (event instanceof AccountLinkedToErp linked) {
            return List.of(new FieldChange("erpId", null, linked.erpId()));
        }
        if (event instanceof ContactAdded added) {
            List<FieldChange> changes = new ArrayList<>(FieldChanges.ofContact(null, added.details()));
            if (added.leadId() != null) {
                changes.add(new FieldChange("leadId", null, added.leadId()));
            }
            return changes;
        }
        if (event instanceof ContactUpdated updated) {
            return updated.changes();
        }
        if (event instanceof ContactPersonalDataErased erased) {
            return ErasedPersonalData.changes(erased.request());
        }
        if (event instanceof ContactsLinked linked) {
            return List.of(new FieldChange("links", null, linked.kind() + " " + linked.linkedContactId()));
        }
        if (event instanceof ContactMovedOut moved) {
            return List.of(new FieldChange("accountId", moved.accountId(), moved.toAccountId()));
        }
        if (event instanceof ContactMovedIn moved) {
            return List.of(new FieldChange("accountId", moved.fromAccountId(), moved.accountId()));
        }
        if (event instanceof LeadConvertedIntoAccount converted) {
            return List.of(new FieldChange("convertedLeadIds", null, converted.leadId()));
        }
        if (event instanceof AccountMergedInto merged) {
            return List.of(new FieldChange("status", merged.status().name(), AccountStatus.MERGED.name()),
                    new FieldChange("mergedIntoId", null, merged.survivorId()));
        }
        if (event instanceof MergedAccountAbsorbed absorbed) {
            return List.of(new FieldChange("mergedAccountIds", null, absorbed.mergedId()));
        }
        if (event instanceof AccountDuplicateDismissed dismissed) {
            return List.of(new FieldChange("notDuplicateOf", null, dismissed.otherAccountId()));
        }
        return List.of();
    }

    /** The contact an account event concerns, or null for an event about the account itself. */
    public static String contactOf(Object event) {
        if (event instanceof ContactAdded added) {
            return added.contactId();
        }
        if (event instanceof ContactUpdated updated) {
            return updated.contactId();
        }
        if (event instanceof ContactsLinked linked) {
            return linked.contactId();
        }
        if (event instanceof ContactPersonalDataErased erased) {
            return erased.contactId();
        }
        if (event instanceof ContactMovedOut moved) {
            return moved.contact().contactId();
        }
        if (event instanceof ContactMovedIn moved) {
            return moved.contact().contactId();
        }
        if (event instanceof LeadConvertedIntoAccount converted) {
            return converted.contactId();
        }
        return null;
    }
}
