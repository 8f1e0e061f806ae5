package io.relais.account;

import io.relais.common.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Projects account events into the account and contact tables. Every event moves the account row to the
 * event's version, so a write can wait for it; an event at or below the row's version is skipped, so a
 * replay without a reset changes nothing.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
public class AccountProjection {

    public static final String PROCESSING_GROUP = "accounts";

    private final AccountReadRepository repository;

    AccountProjection(AccountReadRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(AccountCreated event, DomainEventMessage<?> message) {
        repository.insertAccount(event, message.getSequenceNumber(), message.getTimestamp(),
                (String) message.getMetaData().get(AuditMetadata.USER_ID));
    }

    @EventHandler
    void on(AccountDetailsUpdated event, DomainEventMessage<?> message) {
        repository.updateDetails(event.accountId(), event.details(), message.getSequenceNumber(),
                message.getTimestamp());
    }

    @EventHandler
    void on(AccountSyncedFromErp event, DomainEventMessage<?> message) {
        repository.updateDetails(event.accountId(), event.details(), message.getSequenceNumber(),
                message.getTimestamp());
    }

    @EventHandler
    void on(AccountOwnerAssigned event, DomainEventMessage<?> message) {
        repository.update(event.accountId(), message.getSequenceNumber(), message.getTimestamp(),
                "owner_id = :owner", new MapSqlParameterSource("owner", event.ownerId()));
    }

    @EventHandler
    void on(AccountPromotedToCustomer event, DomainEventMessage<?> message) {
        repository.update(event.accountId(), message.getSequenceNumber(), message.getTimestamp(),
                "status = :status", new MapSqlParameterSource("status", AccountStatus.CUSTOMER.name()));
    }

    @EventHandler
    void on(AccountLinkedToErp event, DomainEventMessage<?> message) {
        repository.update(event.accountId(), message.getSequenceNumber(), message.getTimestamp(),
                "erp_id = :erpId", new MapSqlParameterSource("erpId", event.erpId()));
    }

    @EventHandler
    void on(ContactAdded event, DomainEventMessage<?> message, TrackingToken token) {
        repository.insertContact(event, message.getSequenceNumber(), message.getTimestamp(), message.getIdentifier(),
                position(token));
        touch(event.accountId(), message);
    }

    @EventHandler
    void on(ContactUpdated event, DomainEventMessage<?> message) {
        repository.updateContact(event.accountId(), event.contactId(), event.details(), message.getSequenceNumber(),
                message.getTimestamp());
        touch(event.accountId(), message);
    }

    @EventHandler
    void on(ContactsLinked event, DomainEventMessage<?> message) {
        repository.insertLink(event.contactId(), new ContactLink(event.linkedContactId(), event.kind()),
                message.getTimestamp());
        repository.touchContact(event.accountId(), event.contactId(), message.getSequenceNumber(),
                message.getTimestamp());
        touch(event.accountId(), message);
    }

    @EventHandler
    void on(ContactMovedIn event, DomainEventMessage<?> message, TrackingToken token) {
        repository.placeContact(event, message.getSequenceNumber(), message.getTimestamp(), message.getIdentifier(),
                position(token));
        touch(event.accountId(), message);
    }

    @EventHandler
    void on(AccountMergedInto event, DomainEventMessage<?> message) {
        repository.update(event.accountId(), message.getSequenceNumber(), message.getTimestamp(),
                "status = :status, merged_into = :survivor", new MapSqlParameterSource("status",
                        AccountStatus.MERGED.name()).addValue("survivor", event.survivorId()));
    }

    @EventHandler
    void on(MergedAccountAbsorbed event, DomainEventMessage<?> message) {
        repository.addMergedAccount(event.accountId(), event.mergedId(), message.getSequenceNumber(),
                message.getTimestamp());
    }

    @EventHandler
    void on(LeadConvertedIntoAccount event, DomainEventMessage<?> message) {
        touch(event.accountId(), message);
    }

    /** The contact stays listed here until its new account takes it in (a move is ordered by store position). */
    @EventHandler
    void on(ContactMovedOut event, DomainEventMessage<?> message) {
        touch(event.accountId(), message);
    }

    @EventHandler
    void on(AccountDuplicateDismissed event, DomainEventMessage<?> message) {
        touch(event.accountId(), message);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("The event has no position in the store"));
    }

    private void touch(String accountId, DomainEventMessage<?> message) {
        repository.update(accountId, message.getSequenceNumber(), message.getTimestamp(), "",
                new MapSqlParameterSource());
    }
}
