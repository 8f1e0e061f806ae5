package io.relais.customerfeed;

import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.account.AccountDetailsUpdated;
import io.relais.account.AccountField;
import io.relais.account.AccountFilledFromRegister;
import io.relais.account.AccountLinkedToErp;
import io.relais.account.AccountMergedInto;
import io.relais.account.AccountPromotedToCustomer;
import io.relais.account.AccountStatus;
import io.relais.account.AccountSyncedFromErp;
import io.relais.common.AuditMetadata;
import io.relais.common.FieldChange;
import io.relais.opportunity.OpportunityLineItemAdded;
import io.relais.opportunity.OpportunityLineItemRemoved;
import io.relais.opportunity.OpportunityOpened;
import io.relais.opportunity.OpportunityWon;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Stream;

/**
 * Projects what the ERP needs into the customer feed (docs/feeds.md): accounts becoming customers, their ERP link,
 * changes to their ERP-mastered fields, customers merged away, won deals with their lines. To write its entries it
 * keeps its own working state, rebuilt from the events alone: each account's status, ERP link and ERP-mastered
 * fields, each deal's lines. One segment, so that entries are written one batch after another, in the order the
 * events were processed, each numbered as it is written: the feed's position is never the event's store
 * position, which a late commit puts below positions already processed. A reset clears the working state only:
 * entries are keyed by their event, so the replay finds them written and keeps them with the positions clients
 * hold; only an event that has no entry yet gets one, after all the others.
 */
@Component
@ProcessingGroup(CustomerFeedProjection.PROCESSING_GROUP)
public class CustomerFeedProjection {

    public static final String PROCESSING_GROUP = "customer-feed";

    private final CustomerFeedRepository repository;

    CustomerFeedProjection(CustomerFeedRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(AccountCreated event, DomainEventMessage<?> message) {
        CustomerAccountRow row = new CustomerAccountRow(event.accountId(), message.getSequenceNumber(),
                message.getTimestamp());
        row.status = AccountStatus.PROSPECT;
        row.fields = ErpFields.of(event.details());
        batch().accounts.add(row);
    }

    @EventHandler
    void on(AccountDetailsUpdated event, DomainEventMessage<?> message) {
        detailsChanged(message, event.details(), event.changes());
    }

    @EventHandler
    void on(AccountSyncedFromErp event, DomainEventMessage<?> message) {
        detailsChanged(message, event.details(), event.changes());
    }

    @EventHandler
    void on(AccountFilledFromRegister event, DomainEventMessage<?> message) {
        detailsChanged(message, event.details(), event.changes());
    }

    @EventHandler
    void on(AccountPromotedToCustomer event, DomainEventMessage<?> message) {
        CustomerFeedBatch batch = batch();
        batch.accounts.update(message, row -> {
            row.status = AccountStatus.CUSTOMER;
            batch.add(entry(CustomerFeedEntryKind.CUSTOMER, message, row, List.of(), null, null));
        });
    }

    @EventHandler
    void on(AccountLinkedToErp event, DomainEventMessage<?> message) {
        CustomerFeedBatch batch = batch();
        batch.accounts.update(message, row -> {
            row.erpId = event.erpId();
            batch.add(entry(CustomerFeedEntryKind.ERP_LINKED, message, row, List.of(), null, null));
        });
    }

    @EventHandler
    void on(AccountMergedInto event, DomainEventMessage<?> message) {
        CustomerFeedBatch batch = batch();
        batch.accounts.update(message, row -> {
            boolean customer = row.status == AccountStatus.CUSTOMER;
            row.status = AccountStatus.MERGED;
            if (customer) {
                batch.add(entry(CustomerFeedEntryKind.CUSTOMER_MERGED, message, row, List.of(), event.survivorId(),
                        null));
            }
        });
    }

    @EventHandler
    void on(OpportunityOpened event, DomainEventMessage<?> message) {
        CustomerDealRow row = new CustomerDealRow(event.opportunityId(), message.getSequenceNumber(),
                message.getTimestamp());
        row.lines = List.of();
        batch().deals.add(row);
    }

    @EventHandler
    void on(OpportunityLineItemAdded event, DomainEventMessage<?> message) {
        batch().deals.update(message, row -> row.lines = Stream.concat(row.lines.stream(), Stream.of(event.line()))
                .toList());
    }

    @EventHandler
    void on(OpportunityLineItemRemoved event, DomainEventMessage<?> message) {
        batch().deals.update(message, row -> row.lines = row.lines.stream()
                .filter(line -> !line.lineId().equals(event.lineId())).toList());
    }

    @EventHandler
    void on(OpportunityWon event, DomainEventMessage<?> message) {
        CustomerFeedBatch batch = batch();
        batch.deals.update(message, deal -> {
            CustomerAccountRow account = batch.accounts.find(event.accountId()).orElseThrow(() ->
                    new IllegalStateException("The won deal's account " + event.accountId() + " is not projected"));
            batch.add(entry(CustomerFeedEntryKind.DEAL_WON, message, account, List.of(), null,
                    new WonDeal(event.opportunityId(), event.ownerId(), event.currency(), event.amount(),
                            event.closedOn(), deal.lines)));
        });
    }

    @ResetHandler
    void reset() {
        repository.deleteWorkingState();
    }

    /** A customer's ERP-mastered fields changed: an entry with those changes; a prospect's changes are not sent. */
    private void detailsChanged(DomainEventMessage<?> message, AccountDetails details, List<FieldChange> changes) {
        CustomerFeedBatch batch = batch();
        batch.accounts.update(message, row -> {
            row.fields = ErpFields.of(details);
            List<FieldChange> erpChanges = changes.stream()
                    .filter(change -> AccountField.isErpMastered(change.field())).toList();
            if (row.status == AccountStatus.CUSTOMER && !erpChanges.isEmpty()) {
                batch.add(entry(CustomerFeedEntryKind.ERP_FIELDS_CHANGED, message, row, erpChanges, null, null));
            }
        });
    }

    /** The entry {@code message} makes, with its account as it stands now; the feed numbers it when it is written. */
    private static CustomerFeedEntry entry(CustomerFeedEntryKind kind, DomainEventMessage<?> message,
                                           CustomerAccountRow account, List<FieldChange> changes, String mergedIntoId,
                                           WonDeal deal) {
        MetaData meta = message.getMetaData();
        return new CustomerFeedEntry(0, message.getIdentifier(), kind, message.getTimestamp(),
                (String) meta.get(AuditMetadata.USER_ID), (String) meta.get(AuditMetadata.ON_BEHALF_OF), account.id(),
                account.status, account.erpId, account.fields, changes, mergedIntoId, deal);
    }

    private CustomerFeedBatch batch() {
        return ProjectionBatches.current(CustomerFeedBatch.class, events -> new CustomerFeedBatch(repository, events),
                repository::write);
    }
}
