package io.relais.lead;

import io.relais.support.ApiTestSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lead read model rebuilt from zero gives exactly the rows it had. */
class LeadProjectionReplayTest extends ApiTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @Test
    void replayingTheLeadProjectionFromZeroGivesTheSameRows() {
        for (int i = 0; i < 5; i++) {
            String id = api().post("/api/v1/leads", """
                    {"firstName": "Hélène", "lastName": "Replay%d", "company": "Rejeu SARL", "source": "PDF_DOWNLOAD",
                     "consent": {"granted": %b, "date": "2026-10-0%d", "channel": "EMAIL"}}
                    """.formatted(i, i % 2 == 0, i + 1)).body().get("id").asText();
            api().patch("/api/v1/leads/" + id, "{\"email\": \"helene" + i + "@example.fr\", \"city\": \"Nantes\"}");
            api().put("/api/v1/leads/" + id + "/owner", "{\"ownerId\": \"rep-" + i + "\"}");
            if (i % 2 == 0) {
                api().post("/api/v1/leads/" + id + "/qualify", null);
                api().post("/api/v1/leads/" + id + "/reopen", null);
            } else {
                api().post("/api/v1/leads/" + id + "/disqualify", "{\"reason\": \"NO_BUDGET\"}");
            }
        }
        StreamingEventProcessor processor = processing
                .eventProcessor(LeadProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp(processor);
        List<Map<String, Object>> leadsBefore = leads();
        List<Map<String, Object>> historyBefore = history();
        assertThat(leadsBefore).hasSizeGreaterThanOrEqualTo(5);

        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from lead_view", Long.class)).isZero();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(leads()).isEqualTo(leadsBefore);
        assertThat(history()).isEqualTo(historyBefore);
    }

    private void awaitCaughtUp(StreamingEventProcessor processor) {
        long head = eventStore.createHeadToken().position().orElseThrow();
        // A segment stays flagged "replaying" until it sees an event of its own past the reset point, so the
        // position is what tells that the replay is complete.
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    private List<Map<String, Object>> leads() {
        return jdbc.queryForList("select * from lead_view order by id");
    }

    private List<Map<String, Object>> history() {
        return jdbc.queryForList("select event_id, lead_id, version, event_type, occurred_at, user_id, on_behalf_of, "
                + "correlation_id, causation_id, changes::text as changes from lead_history order by event_id");
    }
}
