package io.relais.lead;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotent creation and optimistic concurrency: nothing duplicated, no update lost. */
class LeadWriteSafetyTest extends ApiTestSupport {

    private static final String BODY = "{\"email\": \"retry@example.fr\", \"source\": \"WEB_FORM\"}";

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstLead() {
        String key = "form-" + UUID.randomUUID();
        long before = storedEvents();

        Response first = api().post("/api/v1/leads", BODY, "Idempotency-Key", key);
        Response retry = api().post("/api/v1/leads", BODY, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo("\"0\"");
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void concurrentRetriesOfOneCreateMakeOneLead() throws Exception {
        String key = "burst-" + UUID.randomUUID();
        long before = storedEvents();

        List<Response> responses = concurrently(6, () -> api().post("/api/v1/leads", BODY, "Idempotency-Key", key));

        assertThat(responses).extracting(Response::status).containsOnly(201);
        assertThat(responses).extracting(r -> r.body().get("id").asText()).hasSize(6).containsOnly(
                responses.get(0).body().get("id").asText());
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void reusingAnIdempotencyKeyForAnotherRequestIsRefused() {
        String key = "reuse-" + UUID.randomUUID();
        api().post("/api/v1/leads", BODY, "Idempotency-Key", key);
        long before = storedEvents();

        Response other = api().post("/api/v1/leads", "{\"email\": \"other@example.fr\", \"source\": \"WEB_FORM\"}",
                "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("type").asText()).isEqualTo("urn:relais:problem:idempotency-key-reused");
        assertThat(other.body().get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void withoutAKeyTheSameBodyMakesTwoLeads() {
        Response first = api().post("/api/v1/leads", BODY);
        Response second = api().post("/api/v1/leads", BODY);

        assertThat(second.body().get("id")).isNotEqualTo(first.body().get("id"));
    }

    @Test
    void ofTwoWritersWithTheSameVersionOneWinsAndTheOtherGets409() throws Exception {
        String id = api().post("/api/v1/leads", BODY).body().get("id").asText();

        List<Response> responses = concurrently(2, () -> api().patch("/api/v1/leads/" + id,
                "{\"city\": \"" + UUID.randomUUID() + "\"}", "If-Match", "\"0\""));

        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(api().get("/api/v1/leads/" + id).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void concurrentWritersWithoutIfMatchLoseNoUpdate() throws Exception {
        String id = api().post("/api/v1/leads", BODY).body().get("id").asText();
        int writers = 8;

        List<Response> responses = new ArrayList<>(concurrently(writers, () -> api().patch("/api/v1/leads/" + id,
                "{\"notes\": \"" + UUID.randomUUID() + "\"}")));

        assertThat(responses).extracting(Response::status).containsOnly(200);
        Response history = api().get("/api/v1/leads/" + id + "/history");
        assertThat(history.body().get("totalElements").asLong()).isEqualTo(1 + writers);
        assertThat(api().get("/api/v1/leads/" + id).header("ETag")).isEqualTo("\"" + writers + "\"");
    }
}
