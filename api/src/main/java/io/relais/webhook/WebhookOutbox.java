package io.relais.webhook;

import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Queues every event for the webhook subscriptions that take it (docs/webhooks.md), in stored order on one
 * segment, in the transaction that moves the processor's token: an event is queued once for each subscription,
 * and a subscription receives the events stored after it was registered. A resumed subscription's waiting
 * deliveries are due again from then. The subscriptions are followed from
 * their own events in the same order, so a change applies from the next event on. Never replayed: that would
 * queue the deliveries again.
 */
@Component
@DisallowReplay
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class WebhookOutbox {

    public static final String PROCESSING_GROUP = "webhook-outbox";

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final Clock clock;

    WebhookOutbox(WebhookDeliveries deliveries, WebhookSender sender, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) {
        OutboxBatch batch = batch();
        Instant now = clock.instant();
        if (event instanceof WebhookRegistered registered) {
            batch.route(registered.webhookId(), registered.settings());
        } else if (event instanceof WebhookChanged changed) {
            batch.route(changed.webhookId(), changed.settings());
        } else if (event instanceof WebhookRetired retired) {
            batch.retire(retired.webhookId());
        } else if (event instanceof WebhookResumed resumed) {
            batch.resume(resumed.webhookId(), now);
        }
        batch.queue(message, token.position().orElseThrow(
                () -> new IllegalStateException("The event has no position in the store")), now);
    }

    /**
     * Queues one event for one subscription, whatever events it takes (a workflow rule's call), in the current
     * transaction; an event already queued for it is not queued again.
     */
    public void queue(String webhookId, DomainEventMessage<?> message, long position) {
        deliveries.queue(List.of(OutboxBatch.Queued.of(webhookId, message, position, clock.instant())));
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().afterCommit(committed -> sender.wake()));
    }

    private OutboxBatch batch() {
        return ProjectionBatches.current(OutboxBatch.class, events -> {
            OutboxBatch batch = new OutboxBatch(deliveries.routes());
            CurrentUnitOfWork.get().root().afterCommit(committed -> {
                if (!batch.queued.isEmpty() || !batch.resumed.isEmpty()) {
                    sender.wake();
                }
            });
            return batch;
        }, deliveries::write);
    }
}
