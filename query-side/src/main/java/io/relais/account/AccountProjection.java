package io.relais.account;

import io.relais.common.AuditMetadata;
import io.relais.common.AsOf;
import io.relais.projection.PastStates;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Projects account events into the account and contact tables, a batch of events at a time ({@link AccountBatch}).
 * Every event moves the account row to the event's version, so a write can wait for it; an event at or below the
 * row's version is skipped, so a replay without a reset changes nothing.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
public class AccountProjection {

    public static final String PROCESSING_GROUP = "accounts";
    /** What is left of an erased contact's details: nothing, every one of them is the contact's personal data. */
    private static final ContactDetails ERASED_DETAILS =
            new ContactDetails(null, null, null, List.of(), List.of(), null, null, null);

    private final AccountReadRepository repository;
    private final PastStates pastStates;

    AccountProjection(AccountReadRepository repository, PastStates pastStates) {
        this.repository = repository;
        this.pastStates = pastStates;
    }

    @EventHandler
    void on(AccountCreated event, DomainEventMessage<?> message) {
        AccountRow row = new AccountRow(event.accountId(), message.getSequenceNumber(), message.getTimestamp());
        row.status = AccountStatus.PROSPECT;
        row.details = event.details();
        row.ownerId = event.ownerId();
        row.createdAt = message.getTimestamp();
        row.createdBy = (String) message.getMetaData().get(AuditMetadata.USER_ID);
        batch().accounts.add(row);
    }

    @EventHandler
    void on(AccountDetailsUpdated event, DomainEventMessage<?> message) {
        update(message, row -> row.details = event.details());
    }

    @EventHandler
    void on(AccountSyncedFromErp event, DomainEventMessage<?> message) {
        update(message, row -> row.details = event.details());
    }

    @EventHandler
    void on(AccountFilledFromRegister event, DomainEventMessage<?> message) {
        update(message, row -> row.details = event.details());
    }

    @EventHandler
    void on(AccountOwnerAssigned event, DomainEventMessage<?> message) {
        update(message, row -> row.ownerId = event.ownerId());
    }

    @EventHandler
    void on(AccountPromotedToCustomer event, DomainEventMessage<?> message) {
        update(message, row -> row.status = AccountStatus.CUSTOMER);
    }

    @EventHandler
    void on(AccountLinkedToErp event, DomainEventMessage<?> message) {
        update(message, row -> row.erpId = event.erpId());
    }

    @EventHandler
    void on(ContactAdded event, DomainEventMessage<?> message, TrackingToken token) {
        batch().added.add(new AccountBatch.Placement(event.contactId(), event.accountId(), message.getSequenceNumber(),
                event.details(), event.leadId(), message.getTimestamp(), message.getIdentifier(), position(token)));
        touch(message);
    }

    @EventHandler
    void on(ContactUpdated event, DomainEventMessage<?> message) {
        batch().contactChanges.add(new AccountBatch.ContactChange(event.accountId(), event.contactId(),
                message.getSequenceNumber(), message.getTimestamp(), event.details(), false));
        touch(message);
    }

    @EventHandler
    void on(ContactPersonalDataErased event, DomainEventMessage<?> message) {
        batch().contactChanges.add(new AccountBatch.ContactChange(event.accountId(), event.contactId(),
                message.getSequenceNumber(), message.getTimestamp(), ERASED_DETAILS, true));
        touch(message);
    }

    @EventHandler
    void on(ContactsLinked event, DomainEventMessage<?> message) {
        AccountBatch batch = batch();
        batch.links.add(new AccountBatch.Link(event.contactId(), new ContactLink(event.linkedContactId(), event.kind()),
                message.getTimestamp()));
        batch.contactChanges.add(new AccountBatch.ContactChange(event.accountId(), event.contactId(),
                message.getSequenceNumber(), message.getTimestamp(), null, false));
        touch(message);
    }

    @EventHandler
    void on(ContactMovedIn event, DomainEventMessage<?> message, TrackingToken token) {
        ContactTransfer contact = event.contact();
        AccountBatch batch = batch();
        batch.movedIn.add(new AccountBatch.Placement(contact.contactId(), event.accountId(),
                message.getSequenceNumber(), contact.details(), contact.leadId(), message.getTimestamp(),
                message.getIdentifier(), position(token)));
        contact.links().forEach(link -> batch.links.add(new AccountBatch.Link(contact.contactId(), link,
                message.getTimestamp())));
        touch(message);
    }

    @EventHandler
    void on(AccountMergedInto event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.status = AccountStatus.MERGED;
            row.mergedIntoId = event.survivorId();
        });
    }

    @EventHandler
    void on(MergedAccountAbsorbed event, DomainEventMessage<?> message) {
        update(message, row -> row.mergedAccountIds = Stream.concat(row.mergedAccountIds.stream(),
                Stream.of(event.mergedId())).toList());
    }

    @EventHandler
    void on(LeadConvertedIntoAccount event, DomainEventMessage<?> message) {
        touch(message);
    }

    /** The contact stays listed here until its new account takes it in (a move is ordered by store position). */
    @EventHandler
    void on(ContactMovedOut event, DomainEventMessage<?> message) {
        batch().movedOut.put(event.contact().contactId(), message.getSequenceNumber());
        touch(message);
    }

    @EventHandler
    void on(AccountDuplicateDismissed event, DomainEventMessage<?> message) {
        touch(message);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The account as it stood then: its events up to then, applied by these handlers to a row in memory. */
    @QueryHandler
    Optional<AccountView> find(FindAccountAsOf query) {
        return past(query.accountId(), query.asOf()).flatMap(batch -> batch.accounts.find(query.accountId()))
                .map(AccountRow::toView);
    }

    /** The account's contacts as they stood then, by the same handlers; none when the account did not exist. */
    @QueryHandler
    ContactList find(FindContactsAsOf query) {
        return new ContactList(past(query.accountId(), query.asOf()).map(AccountBatch::contacts).orElse(List.of()));
    }

    private Optional<AccountBatch> past(String accountId, AsOf asOf) {
        return pastStates.replay(accountId, asOf, this, AccountBatch.inMemory());
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("The event has no position in the store"));
    }

    private void update(DomainEventMessage<?> message, Consumer<AccountRow> change) {
        batch().accounts.update(message, change);
    }

    private void touch(DomainEventMessage<?> message) {
        update(message, row -> {
        });
    }

    private AccountBatch batch() {
        return ProjectionBatches.current(AccountBatch.class, events -> new AccountBatch(repository::findAll, events),
                repository::write);
    }
}
