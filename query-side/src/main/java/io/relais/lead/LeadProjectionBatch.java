package io.relais.lead;

import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * The lead rows and history entries one batch of events makes, written once, when the batch commits, with one
 * statement per table. That is what lets a rebuild run at thousands of events per second.
 */
final class LeadProjectionBatch {

    final RecordRows<LeadRow> leads;
    final List<LeadHistoryEntry> history = new ArrayList<>();

    LeadProjectionBatch(LeadReadRepository repository, List<? extends Message<?>> events) {
        leads = new RecordRows<>(events, repository::findAll);
    }
}
