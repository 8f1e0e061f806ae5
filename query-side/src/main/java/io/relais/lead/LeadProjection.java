package io.relais.lead;

import io.relais.common.AuditMetadata;
import io.relais.common.FieldChange;
import io.relais.personaldata.ErasedPersonalData;
import io.relais.projection.PastStates;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Projects lead events into the lead list/detail table and the lead history table. Both tables are in
 * one processing group, so when a lead's row shows version N its history shows it too. Replays are
 * idempotent: an event at or below a row's version is skipped.
 */
@Component
@ProcessingGroup(LeadProjection.PROCESSING_GROUP)
public class LeadProjection {

    public static final String PROCESSING_GROUP = "leads";

    private final LeadReadRepository repository;
    private final PastStates pastStates;

    LeadProjection(LeadReadRepository repository, PastStates pastStates) {
        this.repository = repository;
        this.pastStates = pastStates;
    }

    @EventHandler
    void on(LeadCaptured event, DomainEventMessage<?> message) {
        LeadRow row = new LeadRow(event.leadId(), message.getSequenceNumber(), message.getTimestamp());
        row.status = LeadStatus.NEW;
        row.details = event.details();
        row.source = event.source();
        row.sourceDetail = event.sourceDetail();
        row.consent(event.consent());
        row.ownerId = event.ownerId();
        row.capturedAt = message.getTimestamp();
        row.capturedBy = (String) message.getMetaData().get(AuditMetadata.USER_ID);
        LeadProjectionBatch batch = batch();
        if (batch.leads.add(row)) {
            batch.history.add(historyEntry(message, LeadEventChanges.of(event)));
        }
    }

    @EventHandler
    void on(LeadDetailsUpdated event, DomainEventMessage<?> message) {
        update(message, row -> row.details = event.details());
    }

    @EventHandler
    void on(LeadOwnerAssigned event, DomainEventMessage<?> message) {
        update(message, row -> row.ownerId = event.ownerId());
    }

    @EventHandler
    void on(LeadWorkStarted event, DomainEventMessage<?> message) {
        update(message, row -> row.status = LeadStatus.WORKING);
    }

    @EventHandler
    void on(LeadQualified event, DomainEventMessage<?> message) {
        update(message, row -> row.status = LeadStatus.QUALIFIED);
    }

    @EventHandler
    void on(LeadConsentWithdrawn event, DomainEventMessage<?> message) {
        update(message, row -> row.consent(event.consent()));
    }

    @EventHandler
    void on(LeadDisqualified event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.status = LeadStatus.DISQUALIFIED;
            row.disqualificationReason = event.reason();
            row.disqualificationNote = event.note();
        });
    }

    @EventHandler
    void on(LeadReopened event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.status = LeadStatus.WORKING;
            row.disqualificationReason = null;
            row.disqualificationNote = null;
        });
    }

    @EventHandler
    void on(LeadConverted event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.status = LeadStatus.CONVERTED;
            row.convertedAccountId = event.accountId();
            row.convertedContactId = event.contactId();
        });
    }

    @EventHandler
    void on(ConvertedLeadTransferred event, DomainEventMessage<?> message) {
        update(message, row -> row.convertedAccountId = event.accountId());
    }

    @EventHandler
    void on(LeadMergedInto event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.status = LeadStatus.MERGED;
            row.mergedIntoId = event.survivorId();
        });
    }

    @EventHandler
    void on(MergedLeadAbsorbed event, DomainEventMessage<?> message) {
        update(message, row -> row.mergedLeadIds = Stream.concat(row.mergedLeadIds.stream(),
                Stream.of(event.mergedId())).toList());
    }

    /**
     * The person's values leave the lead and its history; the history's entries before the erasure are
     * rewritten when the batch is written, whether they were written before or in this batch.
     */
    @EventHandler
    void on(LeadPersonalDataErased event, DomainEventMessage<?> message) {
        boolean applied = update(message, row -> {
            row.details = ErasedPersonalData.withoutPersonalValues(row.details);
            row.consent(null);
            row.disqualificationNote = null;
            row.personalDataErased = true;
        });
        if (applied) {
            batch().erasures.add(new LeadProjectionBatch.Erasure(event.leadId(), message.getSequenceNumber()));
        }
    }

    @EventHandler
    void on(LeadDuplicateDismissed event, DomainEventMessage<?> message) {
        update(message, row -> {
        });
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The lead as it stood then: its events up to then, applied by these handlers to a row in memory. */
    @QueryHandler
    Optional<LeadView> find(FindLeadAsOf query) {
        return pastStates.replay(query.leadId(), query.asOf(), this, LeadProjectionBatch.inMemory())
                .flatMap(batch -> batch.leads.find(query.leadId())).map(LeadRow::toView);
    }

    /**
     * Applies the event to its lead's row, unless the row has it already (false then), and records it in the
     * history.
     */
    private boolean update(DomainEventMessage<?> message, Consumer<LeadRow> change) {
        LeadProjectionBatch batch = batch();
        String leadId = message.getAggregateIdentifier();
        if (batch.leads.find(leadId).isEmpty()) {
            throw new IllegalStateException("Lead " + leadId + " has events but was never captured");
        }
        if (batch.leads.update(message, change)) {
            batch.history.add(historyEntry(message, LeadEventChanges.of(message.getPayload())));
            return true;
        }
        return false;
    }

    private static LeadHistoryEntry historyEntry(DomainEventMessage<?> message, List<FieldChange> changes) {
        MetaData meta = message.getMetaData();
        return new LeadHistoryEntry(message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), message.getPayloadType().getSimpleName(), message.getTimestamp(),
                text(meta, AuditMetadata.USER_ID), text(meta, AuditMetadata.ON_BEHALF_OF),
                text(meta, AuditMetadata.CORRELATION_ID), text(meta, AuditMetadata.CAUSATION_ID), changes, false);
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : Objects.toString(value);
    }

    private LeadProjectionBatch batch() {
        return ProjectionBatches.current(LeadProjectionBatch.class,
                events -> new LeadProjectionBatch(repository::findAll, events), repository::write);
    }
}
