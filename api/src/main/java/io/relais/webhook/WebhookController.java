package io.relais.webhook;

import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.eventstore.EventTypes;
import io.relais.web.Answer;
import io.relais.web.AsOfParameters;
import io.relais.web.ExpectedVersion;
import io.relais.web.IdempotencyKey;
import io.relais.web.NotFoundException;
import io.relais.web.Queries;
import io.relais.web.QueryParameters;
import io.relais.web.RecordEndpoint;
import io.relais.web.RecordPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

/** Webhook subscriptions and their delivery logs (docs/webhooks.md); administrators only. */
@RestController
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "Webhooks", description = "Events posted to other systems as they happen, signed (Standard Webhooks)")
public class WebhookController {

    private static final String DELIVERY = "/" + RecordPaths.ID + "/deliveries/{deliveryId}";
    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");

    private final RecordEndpoint<WebhookView> webhooks;
    private final Queries queries;
    private final EventTypes events;
    private final WebhookAddresses addresses;
    private final WebhookSecrets secrets;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final Clock clock;

    WebhookController(RecordEndpoint<WebhookView> webhooks, Queries queries, EventTypes events,
                      WebhookAddresses addresses, WebhookSecrets secrets, WebhookDeliveries deliveries,
                      WebhookSender sender, Clock clock) {
        this.webhooks = webhooks;
        this.queries = queries;
        this.events = events;
        this.addresses = addresses;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Subscribe an address to events", description = "Administrators. Every event stored from "
            + "now on that the subscription takes is posted to url, signed with the secret (webhook-id, "
            + "webhook-timestamp, webhook-signature headers), retried until it is answered 2xx, in the order of each "
            + "record's events. The address must accept a connection now (400 unreachable-url). With an "
            + "Idempotency-Key a retry returns the first subscription.")
    public ResponseEntity<WebhookView> register(@RequestBody WebhookRequest request, IdempotencyKey key) {
        return webhooks.create(key, request, webhookId -> {
            WebhookSettings settings = checked(request);
            return new RegisterWebhook(webhookId, settings, secrets.keep(webhookId, request.secret()));
        });
    }

    @GetMapping
    @Operation(summary = "List webhook subscriptions", description = "Administrators. By address; q searches the "
            + "address and description ignoring case and accents; retired ones only with includeRetired=true.")
    public WebhookPage list(@RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "false") boolean includeRetired, PageRequest page) {
        return queries.answer(new FindWebhooks(QueryParameters.atMost("q", q, 200), includeRetired, page),
                WebhookPage.class);
    }

    @GetMapping("/" + RecordPaths.ID)
    @Operation(summary = "Get a webhook subscription", description = "Administrators. Never its secret; status "
            + "SUSPENDED with suspendedReason when deliveries wait (after failures, or paused)."
            + AsOfParameters.DESCRIPTION)
    public ResponseEntity<WebhookView> get(@PathVariable String id, @ParameterObject AsOfParameters past) {
        return webhooks.read(id, past);
    }

    @PutMapping(path = "/" + RecordPaths.ID, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a subscription's settings", description = "Administrators. A secret given "
            + "replaces the signing secret from the next attempt on; absent, the secret stays. Events already "
            + "queued keep going to the subscription; the new settings choose the events stored from now on.")
    public ResponseEntity<WebhookView> change(@PathVariable String id, @RequestBody WebhookRequest request,
                                              ExpectedVersion expected) {
        webhooks.visible(id);
        WebhookSettings settings = checked(request);
        String secretId = request.secret() == null ? null : secrets.keep(id, request.secret());
        return webhooks.send(id, new ChangeWebhook(id, settings, secretId, expected.version()));
    }

    @PostMapping(path = "/" + RecordPaths.ID + "/suspend", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Suspend a subscription", description = "Administrators. Deliveries wait (the events keep "
            + "being queued) until it is resumed.")
    public ResponseEntity<WebhookView> suspend(@PathVariable String id, @RequestBody WebhookSuspension suspension) {
        return webhooks.send(id, new SuspendWebhook(id, suspension.reason()));
    }

    @PostMapping("/" + RecordPaths.ID + "/resume")
    @Operation(summary = "Resume a subscription", description = "Administrators. What waited is delivered, in "
            + "order, each delivery with a new retry period.")
    public ResponseEntity<WebhookView> resume(@PathVariable String id) {
        return webhooks.send(id, new ResumeWebhook(id));
    }

    @PostMapping("/" + RecordPaths.ID + "/retire")
    @Operation(summary = "Retire a subscription", description = "Administrators. Nothing more is delivered to it; "
            + "its delivery log stays.")
    public ResponseEntity<WebhookView> retire(@PathVariable String id) {
        return webhooks.send(id, new RetireWebhook(id));
    }

    @GetMapping("/" + RecordPaths.ID + "/deliveries")
    @Operation(summary = "A subscription's delivery log", description = "Administrators. Newest event first, each "
            + "with its status, attempt count and last attempt (status code or error, latency).")
    public WebhookDeliveryPage deliveries(@PathVariable String id,
                                          @Parameter(description = "PENDING, DELIVERED or FAILED")
                                          @RequestParam(required = false) String status, PageRequest page) {
        webhooks.visible(id);
        return deliveries.page(id, status(status), page);
    }

    @GetMapping(DELIVERY)
    @Operation(summary = "One delivery with every attempt", description = "Administrators.")
    public WebhookDelivery delivery(@PathVariable String id, @PathVariable String deliveryId) {
        webhooks.visible(id);
        return deliveries.find(id, deliveryId).orElseThrow(() -> new NotFoundException("Delivery", deliveryId));
    }

    @PostMapping(DELIVERY + "/redelivery")
    @Answer(status = 202, headers = HttpHeaders.LOCATION, description = "Queued again: it is sent as soon as the "
            + "subscription is active")
    @Operation(summary = "Deliver again", description = "Administrators. The same webhook-id (a receiver that "
            + "keeps the ids it saw can drop it), a new retry period; after the record's deliveries still waiting.")
    public ResponseEntity<WebhookDelivery> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        webhooks.visible(id);
        if (!deliveries.redeliver(id, deliveryId, clock.instant())) {
            throw new NotFoundException("Delivery", deliveryId);
        }
        sender.wake();
        return ResponseEntity.accepted().location(URI.create("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId))
                .body(deliveries.find(id, deliveryId).orElseThrow());
    }

    private WebhookSettings checked(WebhookRequest request) {
        WebhookSettings settings = request.settings(events);
        addresses.requireReachable(settings.url());
        return settings;
    }

    private static String status(String value) {
        String status = QueryParameters.text(value);
        if (status == null) {
            return null;
        }
        String upper = status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(upper)) {
            throw new InvalidFieldException("status", "invalid-parameter",
                    "status must be PENDING, DELIVERED or FAILED");
        }
        return upper;
    }
}
