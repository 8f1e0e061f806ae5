package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.support.ApiTestSupport;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored events are readable JSON and say who, when and why. */
@NeedsPostgreSqlEventStore
class LeadEventStorageTest extends ApiTestSupport {

    @Test
    void everyStoredEventCarriesUserCorrelationAndCausationAsReadableJson() {
        String id = api().post("/api/v1/leads", "{\"email\": \"audit@example.fr\", \"source\": \"WEB_FORM\"}",
                "X-Request-Id", "audit-create").body().get("id").asText();
        api().post("/api/v1/leads/" + id + "/start-work", null, "X-Request-Id", "audit-start");

        List<Map<String, Object>> events = jdbc.queryForList("select eventidentifier, payloadtype, payload, metadata, "
                + "timestamp from domainevententry where aggregateidentifier = ? order by sequencenumber", id);

        assertThat(events).hasSize(2);
        JsonNode captured = json((String) events.get(0).get("payload"));
        assertThat(captured.get("details").get("email").isNull()).as("stored encrypted (ADR 013)").isTrue();
        assertThat(captured.get("$personal").get("subject").asText()).isEqualTo("LEAD/" + id);
        assertThat(events.get(0).get("payloadtype")).isEqualTo(LeadCaptured.class.getName());
        JsonNode firstMeta = json((String) events.get(0).get("metadata"));
        assertThat(firstMeta.get("userId").asText()).isEqualTo("admin");
        assertThat(firstMeta.get("correlationId").asText()).isEqualTo("audit-create");
        assertThat(firstMeta.get("causationId").asText()).isNotBlank();
        JsonNode secondMeta = json((String) events.get(1).get("metadata"));
        assertThat(secondMeta.get("correlationId").asText()).isEqualTo("audit-start");
        assertThat(secondMeta.get("causationId").asText()).isNotEqualTo(firstMeta.get("causationId").asText());
        assertThat((String) events.get(1).get("timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }
}
