package io.relais.opportunity;

import io.relais.common.AuditMetadata;
import io.relais.common.SearchText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.Date;

/**
 * Projects deals into the opportunity table. Every event moves the deal's row to its version (so a write can
 * wait for it); an event at or below it is skipped, so a replay without a reset changes nothing.
 */
@Component
@ProcessingGroup(OpportunityProjection.PROCESSING_GROUP)
public class OpportunityProjection {

    public static final String PROCESSING_GROUP = "opportunities";

    private final OpportunityRepository repository;

    OpportunityProjection(OpportunityRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(OpportunityOpened event, DomainEventMessage<?> message) {
        repository.insert(event, message.getSequenceNumber(), message.getTimestamp(),
                (String) message.getMetaData().get(AuditMetadata.USER_ID));
    }

    @EventHandler
    void on(OpportunityDetailsUpdated event, DomainEventMessage<?> message) {
        repository.update(message, "name = :name, search_text = :search, primary_contact_id = :contact",
                new MapSqlParameterSource("name", event.name()).addValue("search", SearchText.of(event.name()))
                        .addValue("contact", event.primaryContactId()));
    }

    @EventHandler
    void on(OpportunityStageChanged event, DomainEventMessage<?> message) {
        repository.update(message, OpportunityRepository.STAGE, OpportunityRepository.stage(event.stage(),
                OpportunityStatus.OPEN, null, null, null));
    }

    @EventHandler
    void on(OpportunityAmountChanged event, DomainEventMessage<?> message) {
        repository.update(message, "amount = :amount", new MapSqlParameterSource("amount", event.amount()));
    }

    @EventHandler
    void on(OpportunityCloseDateChanged event, DomainEventMessage<?> message) {
        repository.update(message, "expected_close_date = :date", new MapSqlParameterSource("date",
                Date.valueOf(event.expectedCloseDate())));
    }

    @EventHandler
    void on(OpportunityLineItemAdded event, DomainEventMessage<?> message) {
        repository.changeLines(message, event.amount(), lines -> lines.add(event.line()));
    }

    @EventHandler
    void on(OpportunityLineItemRemoved event, DomainEventMessage<?> message) {
        repository.changeLines(message, event.amount(), lines -> lines.removeIf(line -> line.lineId()
                .equals(event.lineId())));
    }

    @EventHandler
    void on(OpportunityOwnerAssigned event, DomainEventMessage<?> message) {
        repository.update(message, "owner_id = :owner", new MapSqlParameterSource("owner", event.ownerId()));
    }

    @EventHandler
    void on(OpportunityWon event, DomainEventMessage<?> message) {
        repository.update(message, OpportunityRepository.STAGE, OpportunityRepository.stage(SalesStage.CLOSED_WON,
                OpportunityStatus.WON, null, null, event.closedOn()));
    }

    @EventHandler
    void on(OpportunityLost event, DomainEventMessage<?> message) {
        repository.update(message, OpportunityRepository.STAGE, OpportunityRepository.stage(SalesStage.CLOSED_LOST,
                OpportunityStatus.LOST, event.reason(), event.note(), event.closedOn()));
    }

    @EventHandler
    void on(OpportunityReopened event, DomainEventMessage<?> message) {
        repository.update(message, OpportunityRepository.STAGE, OpportunityRepository.stage(event.stage(),
                OpportunityStatus.OPEN, null, null, null));
    }

    @EventHandler
    void on(OpportunityTransferred event, DomainEventMessage<?> message) {
        repository.update(message, "account_id = :account", new MapSqlParameterSource("account", event.accountId()));
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
