package io.relais.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks over HTTP to a real receiver: deliveries signed as Standard Webhooks says (checked by its reference
 * code), retried after errors and timeouts, in the order of each record's events, logged attempt by attempt; a
 * delivery given up, a subscription that keeps failing suspended and resumed, a redelivery with the same id; an
 * erased person's data not sent again; bad subscriptions and other users refused.
 */
class WebhookApiTest extends ApiTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The subscriptions a test made: retired after it, so that later tests' events are not sent to a closed port. */
    private final List<String> subscribed = new ArrayList<>();

    @AfterEach
    void retireSubscriptions() {
        subscribed.forEach(id -> api().post("/api/v1/webhooks/" + id + "/retire", ""));
    }

    private static String secret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private JsonNode subscribe(String url, String filter, String secret) {
        Response created = api().post("/api/v1/webhooks", "{\"url\": \"" + url + "\", " + filter + ", \"secret\": \""
                + secret + "\", \"description\": \"Test receiver\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().has("secret")).as("the secret is never shown").isFalse();
        subscribed.add(created.body().get("id").asText());
        return created.body();
    }

    private String lead(String company, String email) {
        Response created = api().post("/api/v1/leads", "{\"firstName\": \"Odile\", \"lastName\": \"Marchand\", "
                + "\"email\": \"" + email + "\", \"company\": \"" + company + "\", \"source\": \"REP_ENTRY\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private JsonNode deliveries(String webhookId, String status) {
        return api().get("/api/v1/webhooks/" + webhookId + "/deliveries?size=50"
                + (status == null ? "" : "&status=" + status)).body();
    }

    @Test
    void deliveriesAreSignedRetriedAfterErrorsAndTimeoutsAndKeepEachRecordsOrder() throws Exception {
        String secret = secret();
        try (Receiver receiver = new Receiver()) {
            AtomicInteger captures = new AtomicInteger();
            String refused = "Refusée " + UUID.randomUUID().toString().substring(0, 8);
            // the first capture is answered 500, then held past the timeout, then taken; another company's capture
            // is refused for good (400) while its record's next event waits behind it
            receiver.answer(body -> {
                JsonNode data = body.get("data");
                if (data.get("payload").path("details").path("company").asText().equals(refused)) {
                    return data.get("sequenceNumber").asLong() == 0 ? 400 : 200;
                }
                if (body.get("type").asText().equals("LeadCaptured")) {
                    int n = captures.incrementAndGet();
                    return n == 1 ? 500 : n == 2 ? Receiver.HOLD : 200;
                }
                return 200;
            });
            String webhookId = subscribe(receiver.url(), "\"recordTypes\": [\"lead\"]", secret).get("id").asText();

            String leadId = lead("Signée " + UUID.randomUUID().toString().substring(0, 8), "odile.signee@example.fr");
            for (String city : List.of("Nantes", "Rennes", "Brest")) {
                assertThat(api().patch("/api/v1/leads/" + leadId, "{\"city\": \"" + city + "\"}").status())
                        .isEqualTo(200);
            }
            String refusedId = lead(refused, "odile.refusee@example.fr");
            assertThat(api().patch("/api/v1/leads/" + refusedId, "{\"city\": \"Lorient\"}").status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().stream()
                    .filter(request -> request.recordId().equals(leadId)).count() == 4
                    && receiver.delivered().stream().anyMatch(request -> request.recordId().equals(refusedId)));

            List<Receiver.Request> received = receiver.requests().stream()
                    .filter(request -> request.recordId().equals(leadId)).toList();
            assertThat(received).allMatch(request -> Receiver.signedWith(secret, request));
            assertThat(received).noneMatch(request -> Receiver.signedWith(secret(), request));
            assertThat(received).extracting(Receiver.Request::sequenceNumber)
                    .as("one record's events go out in order, each retried until taken before the next")
                    .containsExactly(0L, 0L, 0L, 1L, 2L, 3L);
            assertThat(received.get(0).id()).as("the same webhook-id on every attempt")
                    .isEqualTo(received.get(2).id()).isNotEqualTo(received.get(3).id());
            JsonNode captured = received.get(2).json();
            assertThat(captured.get("type").asText()).isEqualTo("LeadCaptured");
            assertThat(captured.get("data").get("recordType").asText()).isEqualTo("LEAD");
            assertThat(captured.get("data").get("metaData").get("userId").asText()).isEqualTo("admin");
            assertThat(captured.get("data").get("payload").get("details").get("email").asText())
                    .isEqualTo("odile.signee@example.fr");

            JsonNode log = api().get("/api/v1/webhooks/" + webhookId + "/deliveries/" + received.get(0).id()).body();
            assertThat(log.get("status").asText()).as(log.toString()).isEqualTo("DELIVERED");
            assertThat(log.get("eventType").asText()).isEqualTo("LeadCaptured");
            assertThat(log.get("attempts")).hasSize(3);
            assertThat(log.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(500);
            assertThat(log.get("attempts").get(1).get("statusCode").isNull()).as(log.toString()).isTrue();
            assertThat(log.get("attempts").get(1).get("error").asText()).contains("No answer within 1000 ms");
            assertThat(log.get("attempts").get(1).get("latencyMillis").asLong()).isGreaterThanOrEqualTo(1000);
            assertThat(log.get("attempts").get(2).get("statusCode").asInt()).isEqualTo(200);

            // the refused capture was given up after the retry period; its record's next event went out after it
            List<Receiver.Request> ofRefused = receiver.requests().stream()
                    .filter(request -> request.recordId().equals(refusedId)).toList();
            assertThat(ofRefused.get(ofRefused.size() - 1).sequenceNumber()).isEqualTo(1L);
            assertThat(ofRefused.subList(0, ofRefused.size() - 1)).allMatch(request -> request.answered() == 400)
                    .hasSizeGreaterThan(2);
            JsonNode failed = deliveries(webhookId, "FAILED").get("content");
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).get("recordId").asText()).isEqualTo(refusedId);
            assertThat(failed.get(0).get("attempts").get(0).get("statusCode").asInt()).isEqualTo(400);
            assertThat(deliveries(webhookId, "DELIVERED").get("totalElements").asInt()).isEqualTo(5);
            assertThat(api().get("/api/v1/webhooks/" + webhookId).body().get("status").asText()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aSubscriptionThatKeepsFailingIsSuspendedAndWhatWaitedGoesOutWhenResumed() throws Exception {
        String secret = secret();
        String company = "Suspendue " + UUID.randomUUID().toString().substring(0, 8);
        try (Receiver receiver = new Receiver()) {
            receiver.answer(body -> 503);
            String webhookId = subscribe(receiver.url(), "\"eventTypes\": [\"LeadCaptured\"]", secret).get("id")
                    .asText();
            String first = lead(company + " 1", "un.suspendue@example.fr");
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(webhookId, "FAILED")
                    .get("totalElements").asInt() == 1);
            String second = lead(company + " 2", "deux.suspendue@example.fr");

            await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/webhooks/" + webhookId).body()
                    .get("status").asText().equals("SUSPENDED"));
            JsonNode suspended = api().get("/api/v1/webhooks/" + webhookId).body();
            assertThat(suspended.get("suspendedReason").asText()).startsWith("Deliveries failed without a success "
                    + "since").contains("HTTP 503");
            DomainEventMessage<?> suspension = eventsOf(webhookId).get(1);
            assertThat(suspension.getPayload()).isInstanceOf(WebhookSuspended.class);
            assertThat(suspension.getMetaData().get("userId")).isEqualTo("system:webhooks");
            assertThat(suspension.getMetaData().get("onBehalfOf")).isEqualTo(webhookId);

            String third = lead(company + " 3", "trois.suspendue@example.fr");
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(webhookId, "PENDING")
                    .get("totalElements").asInt() == 2);
            int sentWhileActive = receiver.requests().size();

            receiver.answer(body -> 204);
            Response resumed = api().post("/api/v1/webhooks/" + webhookId + "/resume", "");
            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
            assertThat(resumed.body().get("status").asText()).isEqualTo("ACTIVE");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.delivered().size() == 2);
            assertThat(receiver.requests().subList(0, sentWhileActive)).allMatch(request -> request.answered() == 503);
            assertThat(receiver.delivered()).extracting(Receiver.Request::recordId).containsExactlyInAnyOrder(second,
                    third);

            String failedId = deliveries(webhookId, "FAILED").get("content").get(0).get("id").asText();
            Response redelivery = api().post("/api/v1/webhooks/" + webhookId + "/deliveries/" + failedId
                    + "/redelivery", "");
            assertThat(redelivery.status()).as(redelivery.toString()).isEqualTo(202);
            assertThat(redelivery.body().get("status").asText()).isEqualTo("PENDING");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.delivered().size() == 3);
            Receiver.Request again = receiver.delivered().get(2);
            assertThat(again.id()).isEqualTo(failedId);
            assertThat(again.recordId()).isEqualTo(first);
            assertThat(Receiver.signedWith(secret, again)).isTrue();
        }
    }

    @Test
    void anErasedPersonsDataIsNotSentAgain() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String webhookId = subscribe(receiver.url(), "\"eventTypes\": [\"LeadCaptured\"]", secret()).get("id")
                    .asText();
            String leadId = lead("Effacée " + UUID.randomUUID().toString().substring(0, 8),
                    "odile.effacee@example.fr");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.delivered().size() == 1);
            assertThat(receiver.delivered().get(0).json().get("data").get("payload").get("details").get("email")
                    .asText()).isEqualTo("odile.effacee@example.fr");
            TestUser steward = user("steward-hooks", Profile.DATA_STEWARD);
            assertThat(steward.api().post("/api/v1/data-subjects/LEAD/" + leadId + "/erasure",
                    "{\"reason\": \"Request by e-mail\", \"requestReference\": \"DPO-7\"}").status()).isEqualTo(200);

            String deliveryId = receiver.delivered().get(0).id();
            assertThat(api().post("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redelivery", "")
                    .status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.delivered().size() == 2);
            JsonNode details = receiver.delivered().get(1).json().get("data").get("payload").get("details");
            assertThat(details.get("email").isNull()).isTrue();
            assertThat(details.get("firstName").isNull()).isTrue();
            assertThat(receiver.delivered().get(1).body()).doesNotContain("odile.effacee");
        }
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheFieldAndOnlyAdministratorsManageThem() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String leads = "\"recordTypes\": [\"LEAD\"]";
        assertRefused("{\"url\": \"http://localhost:" + closed + "/hooks\", " + leads + ", \"secret\": \"" + secret()
                + "\"}", "url", "unreachable-url");
        assertRefused("{\"url\": \"https://no-such-host.invalid/hooks\", " + leads + ", \"secret\": \"" + secret()
                + "\"}", "url", "unreachable-url");
        try (Receiver receiver = new Receiver()) {
            String url = "\"url\": \"" + receiver.url() + "\"";
            assertRefused("{" + url + ", \"eventTypes\": [\"LeadCapturd\"], \"secret\": \"" + secret() + "\"}",
                    "eventTypes[0]", "unknown-event-type");
            assertRefused("{" + url + ", \"recordTypes\": [\"LEAD\", \"CUSTOMER\"], \"secret\": \"" + secret() + "\"}",
                    "recordTypes[1]", "unknown-record-type");
            assertRefused("{" + url + ", \"secret\": \"" + secret() + "\"}", "eventTypes", "required");
            assertRefused("{" + url + ", " + leads + ", \"secret\": \"sesame\"}", "secret", "invalid-secret");
            assertRefused("{" + url + ", " + leads + "}", "secret", "required");
            assertRefused("{\"url\": \"ftp://localhost/hooks\", " + leads + ", \"secret\": \"" + secret() + "\"}",
                    "url", "invalid-url");

            TestUser manager = user("manager-hooks", Profile.SALES_MANAGER);
            String body = "{" + url + ", " + leads + ", \"secret\": \"" + secret() + "\"}";
            assertThat(manager.api().post("/api/v1/webhooks", body).status()).isEqualTo(403);
            assertThat(manager.api().get("/api/v1/webhooks").status()).isEqualTo(403);
            String webhookId = subscribe(receiver.url(), leads, secret()).get("id").asText();
            assertThat(manager.api().get("/api/v1/webhooks/" + webhookId + "/deliveries").status()).isEqualTo(403);
            assertThat(api().get("/api/v1/webhooks/" + webhookId + "/deliveries/msg_none").status()).isEqualTo(404);
            assertThat(api().get("/api/v1/webhooks/" + webhookId + "/deliveries?status=LOST").status())
                    .isEqualTo(400);

            Response changed = api().put("/api/v1/webhooks/" + webhookId, "{" + url
                    + ", \"eventTypes\": [\"OpportunityWon\"], \"secret\": \"" + secret() + "\"}", "If-Match", "\"0\"");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.body().get("settings").get("eventTypes").get(0).asText()).isEqualTo("OpportunityWon");
            assertThat(api().post("/api/v1/webhooks/" + webhookId + "/retire", "").body().get("status").asText())
                    .isEqualTo("RETIRED");
            assertThat(api().get("/api/v1/webhooks?q=" + receiver.url().substring(7)).body().get("totalElements")
                    .asInt()).isZero();
        }
    }

    private void assertRefused(String body, String field, String code) {
        long before = storedEvents();
        Response refused = api().post("/api/v1/webhooks", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("\"" + field + "\"").contains(code);
        assertThat(storedEvents()).isEqualTo(before);
    }
}
