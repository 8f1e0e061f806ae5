package io.relais.opportunity;

import io.relais.common.AuditMetadata;
import io.relais.projection.PastStates;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Projects deals into the opportunity table and each of their versions into the history, a batch of events at a
 * time ({@link OpportunityBatch}). Every event moves the deal's row to its version (so a write can wait for it);
 * an event at or below it is skipped, so a replay without a reset changes nothing.
 */
@Component
@ProcessingGroup(OpportunityProjection.PROCESSING_GROUP)
public class OpportunityProjection {

    public static final String PROCESSING_GROUP = "opportunities";

    private final OpportunityRepository repository;
    private final PastStates pastStates;

    OpportunityProjection(OpportunityRepository repository, PastStates pastStates) {
        this.repository = repository;
        this.pastStates = pastStates;
    }

    @EventHandler
    void on(OpportunityOpened event, DomainEventMessage<?> message) {
        OpportunityRow row = new OpportunityRow(event.opportunityId(), message.getSequenceNumber(),
                message.getTimestamp());
        row.accountId = event.accountId();
        row.ownerId = event.ownerId();
        row.name = event.name();
        row.primaryContactId = event.primaryContactId();
        row.leadId = event.leadId();
        row.currency = event.currency();
        row.amount = event.amount();
        row.expectedCloseDate = event.expectedCloseDate();
        row.priceList = event.priceList();
        row.stage(event.stage(), OpportunityStatus.OPEN, null, null, null);
        row.createdAt = message.getTimestamp();
        row.createdBy = (String) message.getMetaData().get(AuditMetadata.USER_ID);
        OpportunityBatch batch = batch();
        if (batch.deals.add(row)) {
            batch.record(row, true);
        }
    }

    @EventHandler
    void on(OpportunityDetailsUpdated event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.name = event.name();
            row.primaryContactId = event.primaryContactId();
        });
    }

    @EventHandler
    void on(OpportunityStageChanged event, DomainEventMessage<?> message) {
        update(message, row -> row.stage(event.stage(), OpportunityStatus.OPEN, null, null, null));
    }

    @EventHandler
    void on(OpportunityAmountChanged event, DomainEventMessage<?> message) {
        update(message, row -> row.amount = event.amount());
    }

    @EventHandler
    void on(OpportunityCloseDateChanged event, DomainEventMessage<?> message) {
        update(message, row -> row.expectedCloseDate = event.expectedCloseDate());
    }

    @EventHandler
    void on(OpportunityLineItemAdded event, DomainEventMessage<?> message) {
        update(message, row -> row.lines(event.amount(), Stream.concat(row.lineItems.stream(),
                Stream.of(event.line())).toList()));
    }

    @EventHandler
    void on(OpportunityLineItemRemoved event, DomainEventMessage<?> message) {
        update(message, row -> row.lines(event.amount(), row.lineItems.stream()
                .filter(line -> !line.lineId().equals(event.lineId())).toList()));
    }

    @EventHandler
    void on(OpportunityOwnerAssigned event, DomainEventMessage<?> message) {
        update(message, row -> row.ownerId = event.ownerId());
    }

    @EventHandler
    void on(OpportunityWon event, DomainEventMessage<?> message) {
        update(message, row -> row.stage(SalesStage.CLOSED_WON, OpportunityStatus.WON, null, null, event.closedOn()));
    }

    @EventHandler
    void on(OpportunityLost event, DomainEventMessage<?> message) {
        update(message, row -> row.stage(SalesStage.CLOSED_LOST, OpportunityStatus.LOST, event.reason(), event.note(),
                event.closedOn()));
    }

    @EventHandler
    void on(OpportunityReopened event, DomainEventMessage<?> message) {
        update(message, row -> row.stage(event.stage(), OpportunityStatus.OPEN, null, null, null));
    }

    @EventHandler
    void on(OpportunityTransferred event, DomainEventMessage<?> message) {
        update(message, row -> row.accountId = event.accountId());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The deal as it stood then: its events up to then, applied by these handlers to a row in memory. */
    @QueryHandler
    Optional<OpportunityView> find(FindOpportunityAsOf query) {
        return pastStates.replay(query.opportunityId(), query.asOf(), this, OpportunityBatch.inMemory())
                .flatMap(batch -> batch.deals.find(query.opportunityId())).map(OpportunityRow::toView);
    }

    /** Applies the event to its deal's row, unless the row has it already, and records the new version. */
    private void update(DomainEventMessage<?> message, Consumer<OpportunityRow> change) {
        OpportunityBatch batch = batch();
        if (batch.deals.update(message, change)) {
            batch.record(batch.deals.find(message.getAggregateIdentifier()).orElseThrow(), false);
        }
    }

    private OpportunityBatch batch() {
        return ProjectionBatches.current(OpportunityBatch.class, events -> new OpportunityBatch(repository::findAll, events),
                repository::write);
    }
}
