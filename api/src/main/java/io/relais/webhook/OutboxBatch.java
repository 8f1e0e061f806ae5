package io.relais.webhook;

import org.axonframework.eventhandling.DomainEventMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What one batch of the outbox's events changes: the subscriptions it follows and the deliveries it queues. */
final class OutboxBatch {

    /** A subscription as the outbox follows it. */
    record Route(String webhookId, WebhookSettings settings, boolean retired) {
    }

    /** An event queued for a subscription. */
    record Queued(String deliveryId, String webhookId, String eventId, long position, String eventType,
                  String recordType, String recordId, String aggregateType, long sequenceNumber, Instant occurredAt,
                  Instant queuedAt) {

        static Queued of(String webhookId, DomainEventMessage<?> message, long position, Instant now) {
            return new Queued(OutboxBatch.deliveryId(webhookId, message.getIdentifier()), webhookId,
                    message.getIdentifier(), position, message.getPayloadType().getSimpleName(),
                    WebhookRecordTypes.of(message.getType()),
                    message.getAggregateIdentifier(), message.getType(), message.getSequenceNumber(),
                    message.getTimestamp(), now);
        }
    }

    final Map<String, Route> routes;
    final Map<String, Route> changedRoutes = new LinkedHashMap<>();
    final List<Queued> queued = new ArrayList<>();
    /** The subscriptions resumed in this batch: what waited for them is due again. */
    final Set<String> resumed = new LinkedHashSet<>();
    Instant resumedAt;

    OutboxBatch(Map<String, Route> routes) {
        this.routes = new LinkedHashMap<>(routes);
    }

    void route(String webhookId, WebhookSettings settings) {
        put(new Route(webhookId, settings, false));
    }

    void retire(String webhookId) {
        Route route = routes.get(webhookId);
        if (route != null) {
            put(new Route(webhookId, route.settings(), true));
        }
    }

    void resume(String webhookId, Instant now) {
        resumed.add(webhookId);
        resumedAt = now;
    }

    void queue(DomainEventMessage<?> message, long position, Instant now) {
        String eventType = message.getPayloadType().getSimpleName();
        String recordType = WebhookRecordTypes.of(message.getType());
        for (Route route : routes.values()) {
            if (!route.retired() && route.settings().takes(eventType, recordType)) {
                queued.add(Queued.of(route.webhookId(), message, position, now));
            }
        }
    }

    private void put(Route route) {
        routes.put(route.webhookId(), route);
        changedRoutes.put(route.webhookId(), route);
    }

    /** The same for one event and one subscription whoever queues it: the receiver's key for de-duplication. */
    static String deliveryId(String webhookId, String eventId) {
        return "msg_" + UUID.nameUUIDFromBytes((webhookId + "|" + eventId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }
}
