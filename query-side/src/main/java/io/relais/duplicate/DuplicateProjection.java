package io.relais.duplicate;

import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.account.AccountDetailsUpdated;
import io.relais.account.AccountDuplicateDismissed;
import io.relais.account.AccountFilledFromRegister;
import io.relais.account.AccountMergedInto;
import io.relais.account.AccountSyncedFromErp;
import io.relais.account.ContactAdded;
import io.relais.account.ContactMovedIn;
import io.relais.account.ContactPersonalDataErased;
import io.relais.account.ContactUpdated;
import io.relais.common.AuditMetadata;
import io.relais.common.FieldChange;
import io.relais.lead.LeadCaptured;
import io.relais.lead.LeadConverted;
import io.relais.lead.LeadDetailsUpdated;
import io.relais.lead.LeadDuplicateDismissed;
import io.relais.lead.LeadMergedInto;
import io.relais.lead.LeadPersonalDataErased;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Keeps the records duplicates are looked for among (open leads, live accounts, contacts) with their
 * normalised names and identifiers, the likely duplicate pairs of accounts and of leads, and the pairs
 * dismissed. One segment, so that events apply in the order they were stored (a contact's account follows
 * its moves); a replay from zero gives the same pairs, since each is evaluated on the records as they are.
 */
@Component
@ProcessingGroup(DuplicateProjection.PROCESSING_GROUP)
public class DuplicateProjection {

    public static final String PROCESSING_GROUP = "duplicates";

    private final DuplicateRepository repository;

    DuplicateProjection(DuplicateRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(AccountCreated event, EventMessage<?> message) {
        batch().touch(MatchProbe.ofAccount(event.accountId(), event.details()), null, message.getTimestamp());
    }

    @EventHandler
    void on(AccountDetailsUpdated event, EventMessage<?> message) {
        accountChanged(event.accountId(), event.details(), event.changes(), message);
    }

    @EventHandler
    void on(AccountSyncedFromErp event, EventMessage<?> message) {
        accountChanged(event.accountId(), event.details(), event.changes(), message);
    }

    @EventHandler
    void on(AccountFilledFromRegister event, EventMessage<?> message) {
        accountChanged(event.accountId(), event.details(), event.changes(), message);
    }

    /** An account's details changed, however: its duplicates are looked for again if what matches them did. */
    private void accountChanged(String accountId, AccountDetails details, List<FieldChange> changes,
                                EventMessage<?> message) {
        if (concerns(changes, MatchProbe.ACCOUNT_FIELDS)) {
            batch().touch(MatchProbe.ofAccount(accountId, details), null, message.getTimestamp());
        }
    }

    @EventHandler
    void on(AccountMergedInto event) {
        batch().remove(RecordKind.ACCOUNT, event.accountId());
    }

    @EventHandler
    void on(AccountDuplicateDismissed event, EventMessage<?> message) {
        batch().dismiss(RecordKind.ACCOUNT, event.accountId(), event.otherAccountId(), user(message),
                message.getTimestamp());
    }

    @EventHandler
    void on(ContactAdded event, EventMessage<?> message) {
        batch().touch(MatchProbe.ofContact(event.contactId(), event.details()), event.accountId(),
                message.getTimestamp());
    }

    @EventHandler
    void on(ContactUpdated event, EventMessage<?> message) {
        if (concerns(event.changes(), MatchProbe.CONTACT_FIELDS)) {
            batch().touch(MatchProbe.ofContact(event.contactId(), event.details()), event.accountId(),
                    message.getTimestamp());
        }
    }

    @EventHandler
    void on(ContactMovedIn event, EventMessage<?> message) {
        batch().touch(MatchProbe.ofContact(event.contact().contactId(), event.contact().details()),
                event.accountId(), message.getTimestamp());
    }

    @EventHandler
    void on(LeadCaptured event, EventMessage<?> message) {
        batch().touch(MatchProbe.ofLead(event.leadId(), event.details()), null, message.getTimestamp());
    }

    @EventHandler
    void on(LeadDetailsUpdated event, EventMessage<?> message) {
        if (concerns(event.changes(), MatchProbe.LEAD_FIELDS)) {
            batch().touch(MatchProbe.ofLead(event.leadId(), event.details()), null, message.getTimestamp());
        }
    }

    /** A converted lead lives on as a contact, which is matched instead. */
    @EventHandler
    void on(LeadConverted event) {
        batch().remove(RecordKind.LEAD, event.leadId());
    }

    @EventHandler
    void on(LeadMergedInto event) {
        batch().remove(RecordKind.LEAD, event.leadId());
    }

    @EventHandler
    void on(LeadDuplicateDismissed event, EventMessage<?> message) {
        batch().dismiss(RecordKind.LEAD, event.leadId(), event.otherLeadId(), user(message), message.getTimestamp());
    }

    @EventHandler
    void on(LeadPersonalDataErased event, EventMessage<?> message) {
        erase(new RecordRef(RecordKind.LEAD, event.leadId()), message);
    }

    @EventHandler
    void on(ContactPersonalDataErased event, EventMessage<?> message) {
        erase(new RecordRef(RecordKind.CONTACT, event.contactId()), message);
    }

    /**
     * The record is matched again on what is left of it (its company), as a replay, whose events come back without
     * the person's values, matches it: the pairs made of the person's data go, the person's keys and name leave.
     */
    private void erase(RecordRef ref, EventMessage<?> message) {
        DuplicateBatch batch = batch();
        batch.find(ref).orElseGet(() -> repository.find(ref)).ifPresent(touched -> batch.touch(
                touched.probe().withoutPersonalData(), touched.accountId(), message.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private static boolean concerns(List<FieldChange> changes, Set<String> fields) {
        return changes.stream().anyMatch(change -> fields.contains(change.field()));
    }

    private static String user(EventMessage<?> message) {
        Object user = message.getMetaData().get(AuditMetadata.USER_ID);
        return user == null ? null : user.toString();
    }

    private DuplicateBatch batch() {
        return ProjectionBatches.current(DuplicateBatch.class, messages -> new DuplicateBatch(), repository::write);
    }
}
