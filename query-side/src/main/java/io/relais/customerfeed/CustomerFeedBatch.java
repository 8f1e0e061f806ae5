package io.relais.customerfeed;

import io.relais.projection.RecordRows;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;

import java.util.ArrayList;
import java.util.List;

/** The accounts and deals one batch of events changes, and the entries it makes, written when the batch commits. */
final class CustomerFeedBatch {

    final RecordRows<CustomerAccountRow> accounts;
    final RecordRows<CustomerDealRow> deals;
    final List<CustomerFeedEntry> entries = new ArrayList<>();

    CustomerFeedBatch(CustomerFeedRepository repository, List<? extends Message<?>> events) {
        accounts = new RecordRows<>(of("Account", events), repository::findAccounts);
        deals = new RecordRows<>(of("Opportunity", events), repository::findDeals);
    }

    void add(CustomerFeedEntry entry) {
        entries.add(entry);
    }

    /** The events of one kind of record, whose rows the batch reads when it starts. */
    private static List<? extends Message<?>> of(String aggregateType, List<? extends Message<?>> events) {
        return events.stream().filter(event -> event instanceof DomainEventMessage<?> domainEvent
                && aggregateType.equals(domainEvent.getType())).toList();
    }
}
