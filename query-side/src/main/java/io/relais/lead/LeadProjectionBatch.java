package io.relais.lead;

import io.relais.projection.PastStates;
import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The lead rows and history entries one batch of events makes, written once, when the batch commits, with one
 * statement per table. That is what lets a rebuild run at thousands of events per second.
 */
final class LeadProjectionBatch {

    final RecordRows<LeadRow> leads;
    final List<LeadHistoryEntry> history = new ArrayList<>();
    final List<Erasure> erasures = new ArrayList<>();

    LeadProjectionBatch(Function<Set<String>, Collection<LeadRow>> read, List<? extends Message<?>> events) {
        leads = new RecordRows<>(events, read);
    }

    /** A batch that starts with no row and is never written: for a lead's past state ({@link PastStates}). */
    static LeadProjectionBatch inMemory() {
        return new LeadProjectionBatch(ids -> List.of(), List.of());
    }

    /** A lead's personal data erased by the event at {@code version}: its history before it is rewritten. */
    record Erasure(String leadId, long version) {
    }
}
