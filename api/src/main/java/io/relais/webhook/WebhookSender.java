package io.relais.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.relais.messaging.ActingContext;
import io.relais.organisation.OrganisationIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the deliveries that are due (docs/webhooks.md): claims them in the database (so that several nodes share
 * the work and a node stopped mid-attempt only delays one), posts each signed as Standard Webhooks says, logs the
 * attempt, and schedules the next one with exponential backoff until the retry period ends. A subscription that
 * has failed without one success for {@code relais.webhooks.suspend-after} is suspended by {@code system:webhooks}.
 */
@Component
class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    /** The longest error kept with an attempt, and the longest reason of a suspension. */
    private static final int MAX_ERROR = 500;

    private final WebhookDeliveries deliveries;
    private final WebhookSecrets secrets;
    private final EventStore eventStore;
    private final CommandGateway commands;
    private final ObjectMapper json;
    private final WebhookProperties properties;
    private final Clock clock;
    private final String userAgent;
    private final HttpClient http;
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService attempts;

    WebhookSender(WebhookDeliveries deliveries, WebhookSecrets secrets, EventStore eventStore, CommandGateway commands,
                  ObjectMapper json, WebhookProperties properties, Clock clock,
                  @Value("${relais.version:dev}") String version) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.eventStore = eventStore;
        this.commands = commands;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.userAgent = "Relais-Webhooks/" + version;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Looks for due deliveries now rather than at the next poll: the outbox just queued some. */
    void wake() {
        ScheduledExecutorService current = poller;
        if (current != null) {
            try {
                current.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                // the node is stopping: the deliveries wait in the database for the next start
            }
        }
    }

    private void drain() {
        try {
            List<WebhookDeliveries.Claim> claimed;
            do {
                Instant now = clock.instant();
                claimed = deliveries.claim(properties.senders() * 2, now,
                        now.plus(properties.timeout().multipliedBy(2)).plusSeconds(5));
                List<Callable<Void>> sends = claimed.stream().<Callable<Void>>map(claim -> () -> {
                    try {
                        attempt(claim);
                    } catch (RuntimeException e) {
                        log.error("The attempt of delivery {} could not be recorded; it is made again once its hold "
                                + "ends", claim.id(), e);
                    }
                    return null;
                }).toList();
                attempts.invokeAll(sends);
            } while (!claimed.isEmpty() && !Thread.currentThread().isInterrupted());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries could not be claimed; trying again at the next poll", e);
        }
    }

    private void attempt(WebhookDeliveries.Claim claim) {
        String body;
        try {
            body = body(claim);
        } catch (RuntimeException e) {
            log.error("Delivery {} of event {} could not be made; it waits for the next attempt", claim.id(),
                    claim.eventId(), e);
            return;
        }
        Instant started = clock.instant();
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(request(claim, body, started),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (HttpTimeoutException e) {
            error = "No answer within " + properties.timeout().toMillis() + " ms";
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long latency = Duration.ofNanos(System.nanoTime() - start).toMillis();
        boolean delivered = status != null && status >= 200 && status < 300;
        Instant now = clock.instant();
        Instant next = delivered || !now.isBefore(claim.firstAttemptAt().plus(properties.retryFor())) ? null
                : now.plus(properties.retryAfter(claim.attempt()));
        deliveries.attempted(claim, new WebhookDelivery.Attempt(claim.attempt(), started, status, latency,
                error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR))), delivered, next);
        Optional<Instant> failingSince = deliveries.health(claim.webhookId(), delivered, now);
        if (failingSince.isPresent() && !now.isBefore(failingSince.get().plus(properties.suspendAfter()))) {
            String reason = "Deliveries failed without a success since " + failingSince.get() + " (last: "
                    + (status == null ? error : "HTTP " + status) + ")";
            suspend(claim.webhookId(), reason.length() <= MAX_ERROR ? reason
                    : reason.substring(0, MAX_ERROR - 1) + "…");
        }
    }

    private HttpRequest request(WebhookDeliveries.Claim claim, String body, Instant now) {
        long timestamp = now.getEpochSecond();
        try {
            return HttpRequest.newBuilder(URI.create(claim.url())).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", userAgent)
                    .header("webhook-id", claim.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", secrets.signer(claim.secretId()).sign(claim.id(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("Cannot sign delivery " + claim.id(), e);
        }
    }

    /**
     * The delivery's body: the event as the store holds it now, upcast to its current shape, with the personal
     * values of an erased person {@code null} (they are read at each attempt, never kept with the delivery).
     */
    private String body(WebhookDeliveries.Claim claim) {
        DomainEventMessage<?> event = eventStore.readEvents(claim.recordId(), claim.sequenceNumber())
                .asStream().findFirst().filter(message -> message.getIdentifier().equals(claim.eventId()))
                .orElseThrow(() -> new IllegalStateException("Event " + claim.eventId() + " is not in the store"));
        ObjectNode data = json.createObjectNode()
                .put("eventId", event.getIdentifier())
                .put("position", claim.position())
                .put("recordType", claim.recordType())
                .put("recordId", claim.recordId())
                .put("aggregateType", event.getType())
                .put("sequenceNumber", event.getSequenceNumber());
        data.set("metaData", json.valueToTree(event.getMetaData()));
        data.set("payload", json.valueToTree(event.getPayload()));
        ObjectNode body = json.createObjectNode()
                .put("type", claim.eventType())
                .put("timestamp", event.getTimestamp().toString());
        body.set("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write delivery " + claim.id(), e);
        }
    }

    private void suspend(String webhookId, String reason) {
        try {
            new ActingContext(OrganisationIds.WEBHOOKS, webhookId, UUID.randomUUID().toString(), reason).call(() ->
                    commands.sendAndWait(new SuspendWebhook(webhookId, reason)));
            log.warn("Webhook {} suspended: {}", webhookId, reason);
        } catch (Exception e) {
            log.error("Webhook {} keeps failing but could not be suspended; trying again at its next failure",
                    webhookId, e);
        }
    }

    @Override
    public void start() {
        attempts = Executors.newFixedThreadPool(properties.senders(), threads("webhook-attempt-"));
        poller = Executors.newSingleThreadScheduledExecutor(threads("webhook-sender-"));
        poller.scheduleWithFixedDelay(this::drain, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Attempts under way are cut short: their deliveries are claimed again once their hold ends. */
    @Override
    public void stop() {
        ScheduledExecutorService current = poller;
        poller = null;
        if (current != null) {
            current.shutdownNow();
            attempts.shutdownNow();
            try {
                current.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static CustomizableThreadFactory threads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
