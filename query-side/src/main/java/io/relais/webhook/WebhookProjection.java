package io.relais.webhook;

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

/**
 * Projects webhook subscriptions into their table, a batch of events at a time ({@link WebhookBatch}). Every event
 * moves the subscription's row to the event's version (so a write can wait for it); an event at or below it is
 * skipped.
 */
@Component
@ProcessingGroup(WebhookProjection.PROCESSING_GROUP)
public class WebhookProjection {

    public static final String PROCESSING_GROUP = "webhooks";

    private final WebhookRepository repository;
    private final PastStates pastStates;

    WebhookProjection(WebhookRepository repository, PastStates pastStates) {
        this.repository = repository;
        this.pastStates = pastStates;
    }

    @EventHandler
    void on(WebhookRegistered event, DomainEventMessage<?> message) {
        WebhookRow row = new WebhookRow(event.webhookId(), message.getSequenceNumber(), message.getTimestamp());
        row.settings = event.settings();
        row.status = WebhookStatus.ACTIVE;
        row.secretId = event.secretId();
        row.secretSetAt = message.getTimestamp();
        row.createdAt = message.getTimestamp();
        batch().webhooks.add(row);
    }

    @EventHandler
    void on(WebhookChanged event, DomainEventMessage<?> message) {
        update(message, row -> row.settings = event.settings());
    }

    @EventHandler
    void on(WebhookSecretRotated event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.secretId = event.secretId();
            row.secretSetAt = message.getTimestamp();
        });
    }

    @EventHandler
    void on(WebhookSuspended event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.status = WebhookStatus.SUSPENDED;
            row.suspendedReason = event.reason();
            row.suspendedAt = message.getTimestamp();
        });
    }

    @EventHandler
    void on(WebhookResumed event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.status = WebhookStatus.ACTIVE;
            row.suspendedReason = null;
            row.suspendedAt = null;
        });
    }

    @EventHandler
    void on(WebhookRetired event, DomainEventMessage<?> message) {
        update(message, row -> row.status = WebhookStatus.RETIRED);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The subscription as it stood then: its events up to then, applied by these handlers to a row in memory. */
    @QueryHandler
    Optional<WebhookView> find(FindWebhookAsOf query) {
        return pastStates.replay(query.webhookId(), query.asOf(), this, WebhookBatch.inMemory())
                .flatMap(batch -> batch.webhooks.find(query.webhookId())).map(WebhookRow::toView);
    }

    private void update(DomainEventMessage<?> message, Consumer<WebhookRow> change) {
        batch().webhooks.update(message, change);
    }

    private WebhookBatch batch() {
        return ProjectionBatches.current(WebhookBatch.class, events -> new WebhookBatch(repository::findAll, events),
                repository::write);
    }
}
