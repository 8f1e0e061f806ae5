package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.eventstore.StoredEvent;
import io.relais.support.ApiTestSupport;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored events are readable JSON and say who, when and why. */
@NeedsPostgreSqlEventStore
class LeadEventStorageTest extends ApiTestSupport {

    @Autowired
    private EventStorageEngine engine;

    /** The upcasters are Spring beans: Axon puts them in the chain that the JDBC engine reads through (ADR 012). */
    @Test
    void theJdbcEngineUpcastsTheLeadEventsStoredBeforeConsentsHadATextVersion() throws NoSuchFieldException {
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        EventUpcaster chain = ReflectionUtils.getFieldValue(
                AbstractEventStorageEngine.class.getDeclaredField("upcasterChain"), engine);

        for (Class<?> event : List.of(LeadCaptured.class, LeadConsentWithdrawn.class)) {
            StoredEvent old = StoredEvent.samples().stream()
                    .filter(sample -> sample.payloadType().equals(event.getName()) && sample.payloadRevision() == null)
                    .findFirst().orElseThrow();
            assertThat(chain.upcast(Stream.of(new InitialEventRepresentation(old.asEntry(),
                    ((AbstractEventStorageEngine) engine).getEventSerializer())))
                    .map(IntermediateEventRepresentation::getType))
                    .containsExactly(new SimpleSerializedType(event.getName(), "1"));
        }
    }

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
