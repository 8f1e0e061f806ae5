package io.relais.lead;

import io.relais.support.ApiTestSupport;
import io.relais.organisation.Profile;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lead read model rebuilt from zero gives exactly the rows it had. */
class LeadProjectionReplayTest extends ApiTestSupport {

    @Test
    void replayingTheLeadProjectionFromZeroGivesTheSameRows() {
        List<String> reps = List.of(user("rep", Profile.SALES_REP).id(), user("rep", Profile.SALES_REP).id());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = api().post("/api/v1/leads", """
                    {"firstName": "Hélène", "lastName": "Replay%d", "company": "Rejeu SARL", "source": "PDF_DOWNLOAD",
                     "consent": {"granted": %b, "date": "2026-10-0%d", "channel": "EMAIL"}}
                    """.formatted(i, i % 2 == 0, i + 1)).body().get("id").asText();
            ids.add(id);
            api().patch("/api/v1/leads/" + id, "{\"email\": \"helene" + i + "@example.fr\", \"city\": \"Nantes\"}");
            assertThat(api().put("/api/v1/leads/" + id + "/owner", "{\"ownerId\": \"" + reps.get(i % 2) + "\"}")
                    .status()).isEqualTo(200);
            if (i % 2 == 0) {
                api().post("/api/v1/leads/" + id + "/qualify", null);
                api().post("/api/v1/leads/" + id + "/reopen", null);
            } else {
                api().post("/api/v1/leads/" + id + "/disqualify", "{\"reason\": \"NO_BUDGET\"}");
            }
        }
        assertThat(api().post("/api/v1/leads/" + ids.get(0) + "/merge", "{\"duplicateId\": \"" + ids.get(2) + "\"}")
                .status()).isEqualTo(200);
        StreamingEventProcessor processor = processor(LeadProjection.PROCESSING_GROUP);
        awaitCaughtUp(processor);
        List<String> leadsBefore = leads();
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

    /** Every column of every row, as JSON text (array columns do not compare by value through JDBC). */
    private List<String> leads() {
        return jdbc.queryForList("select to_jsonb(l)::text from lead_view l order by id", String.class);
    }

    private List<Map<String, Object>> history() {
        return jdbc.queryForList("select event_id, lead_id, version, event_type, occurred_at, user_id, on_behalf_of, "
                + "correlation_id, causation_id, changes::text as changes from lead_history order by event_id");
    }
}
