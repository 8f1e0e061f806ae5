package io.relais.observability;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityTest extends ApiTestSupport {

    @Test
    void healthCoversTheDatabaseAndTheEventProcessors() {
        Response health = api().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        JsonNode processors = health.body().at("/components/eventProcessors");
        assertThat(processors.get("status").asText()).isEqualTo("UP");
        JsonNode leads = processors.at("/details/leads");
        assertThat(leads.get("status").asText()).isEqualTo("UP");
        assertThat(leads.get("running").asBoolean()).isTrue();
        assertThat(leads.get("segments").asInt()).isEqualTo(2);
        assertThat(leads.get("segmentsClaimed").asInt() + leads.get("segmentsClaimedElsewhere").asInt()).isEqualTo(2);
        assertThat(leads.get("segmentsUnclaimed").asInt()).isZero();
        assertThat(leads.get("segmentsFailing").asInt()).isZero();
        assertThat(leads.get("deadLetters").asLong()).isZero();
        assertThat(leads.get("lag").isNumber()).isTrue();
    }

    @Test
    void prometheusShowsCommandsEventsAndProjectionLag() {
        api().post("/api/v1/leads", "{\"email\": \"metrics@example.fr\", \"source\": \"NEWSLETTER\"}");
        api().post("/api/v1/leads", "{\"source\": \"NEWSLETTER\"}");

        String metrics = api().get("/actuator/prometheus").raw().body();

        assertThat(metrics).containsPattern("relais_commands_total\\{.*command=\"CaptureLead\".*outcome=\"handled\".*} [1-9]");
        assertThat(metrics).containsPattern("relais_commands_total\\{.*command=\"CaptureLead\".*outcome=\"refused\".*} [1-9]");
        assertThat(metrics).containsPattern("relais_events_appended_total\\{.*} [1-9]");
        assertThat(metrics).containsPattern("relais_projection_lag\\{.*processor=\"leads\".*} ");
    }

    @Test
    void theApiIsDescribedByOpenApiWithSwaggerUi() {
        Response docs = api().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/paths").has("/api/v1/leads")).isTrue();
        assertThat(docs.body().at("/paths").has("/api/v1/leads/{id}/history")).isTrue();
        assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
