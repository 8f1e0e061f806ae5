package io.relais.observability;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.catalogue.CatalogueProjection;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/v1/admin/processors: every processor, its segments and progress, a rebuild's progress, who may read it. */
class ProcessorApiTest extends ApiTestSupport {

    @Test
    void everyProcessorIsListedWithItsKindSegmentsPositionAndLag() {
        created(api().post("/api/v1/leads", "{\"email\": \"processors@example.fr\", \"source\": \"WEB_FORM\"}"));
        awaitSettled();

        Map<String, JsonNode> processors = list(user("processors-analyst", Profile.ANALYST).api());

        assertThat(processors).containsKeys("leads", "accounts", "timeline", "organisation", "lead-assignment",
                "record-processes");
        JsonNode leads = processors.get("leads");
        assertThat(leads.get("kind").asText()).isEqualTo("PROJECTION");
        assertThat(leads.get("mode").asText()).isEqualTo("pooled");
        assertThat(leads.get("status").asText()).isEqualTo("UP");
        assertThat(leads.get("running").asBoolean()).isTrue();
        assertThat(leads.get("segments")).hasSize(2);
        leads.get("segments").forEach(segment -> {
            assertThat(segment.get("claimedBy").asText()).isNotBlank();
            assertThat(segment.get("replaying").asBoolean()).isFalse();
        });
        assertThat(leads.get("head").asLong()).isGreaterThanOrEqualTo(leads.get("position").asLong());
        assertThat(leads.get("lag").asLong()).isEqualTo(leads.get("head").asLong() - leads.get("position").asLong());
        assertThat(leads.get("replaying").asBoolean()).isFalse();
        assertThat(leads.get("deadLetters").asLong()).isZero();
        assertThat(processors.get("lead-assignment").get("kind").asText()).isEqualTo("PROCESS_MANAGER");
    }

    @Test
    void aProjectionBeingRebuiltSaysSoAndHowFarItGot() {
        StreamingEventProcessor catalogue = processor(CatalogueProjection.PROCESSING_GROUP);
        created(api().post("/api/v1/products", "{\"code\": \"REBUILD-" + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"name\": \"Reconstruction\", \"kind\": \"SERVICE\", \"unit\": \"jour\"}"));
        awaitCaughtUp(catalogue);
        catalogue.shutDown();
        try {
            catalogue.resetTokens();

            JsonNode rebuilding = list(api()).get(CatalogueProjection.PROCESSING_GROUP);

            assertThat(rebuilding.get("replaying").asBoolean()).isTrue();
            assertThat(rebuilding.get("running").asBoolean()).isFalse();
            assertThat(rebuilding.get("replayPercent").asDouble()).isBetween(0.0, 100.0);
            assertThat(rebuilding.get("segments").get(0).get("replayEnd").asLong()).isPositive();
            assertThat(rebuilding.get("lag").asLong()).isPositive();
            assertThat(rebuilding.get("lagSeconds").asLong()).isNotNegative();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                    api().get("/api/v1/products").header("Relais-Rebuilding")).startsWith("catalogue="));
        } finally {
            catalogue.start();
        }
        awaitCaughtUp(catalogue);
        JsonNode rebuilt = list(api()).get(CatalogueProjection.PROCESSING_GROUP);
        assertThat(rebuilt.get("lag").asLong()).isZero();
        assertThat(rebuilt.get("replaying").asBoolean()).as("done once it reached where it was reset").isFalse();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                api().get("/api/v1/products").header("Relais-Rebuilding")).isNull());
    }

    @Test
    void anAdministratorRebuildsAProjectionWhileWritesGoOnAndItsTablesEndAsTheyWere() {
        created(api().post("/api/v1/products", "{\"code\": \"BEFORE-" + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"name\": \"Avant\", \"kind\": \"SERVICE\", \"unit\": \"jour\"}"));
        awaitSettled();
        String before = products("none");

        Response rebuilding = api().post("/api/v1/admin/processors/catalogue/rebuild", null);
        String during = created(api().post("/api/v1/products", "{\"code\": \"DURING-"
                + UUID.randomUUID().toString().substring(0, 8) + "\", \"name\": \"Pendant\", \"kind\": \"SERVICE\", "
                + "\"unit\": \"jour\"}"));

        assertThat(rebuilding.status()).as(rebuilding.toString()).isEqualTo(202);
        assertThat(rebuilding.header("Location")).isEqualTo("/api/v1/admin/processors");
        assertThat(rebuilding.body().get("name").asText()).isEqualTo("catalogue");
        awaitCaughtUp(processor(CatalogueProjection.PROCESSING_GROUP));
        assertThat(products(during)).isEqualTo(before);
        assertThat(api().get("/api/v1/products/" + during).status()).isEqualTo(200);
    }

    @Test
    void processManagersAreNeverRebuiltUnknownProcessorsAreMissingAndOnlyAdministratorsRebuild() {
        Response refused = api().post("/api/v1/admin/processors/lead-assignment/rebuild", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:not-replayable");
        assertThat(api().post("/api/v1/admin/processors/no-such-processor/rebuild", null).status()).isEqualTo(404);
        assertThat(user("rebuild-analyst", Profile.ANALYST).api().post("/api/v1/admin/processors/catalogue/rebuild",
                null).status()).isEqualTo(403);
    }

    @Test
    void onlyAdministratorsRetryOrEvictDeadLetters() {
        HttpApi analyst = user("dead-letters-analyst", Profile.ANALYST).api();
        String letters = "/api/v1/admin/processors/leads/dead-letters";
        assertThat(analyst.get(letters).status()).isEqualTo(200);
        assertThat(analyst.post(letters + "/retry", null).status()).isEqualTo(403);
        assertThat(analyst.post(letters + "/eviction", "{\"eventId\": \"e\", \"reason\": \"r\"}").status())
                .isEqualTo(403);
        assertThat(anonymous().post(letters + "/eviction", "{\"eventId\": \"e\", \"reason\": \"r\"}").status())
                .isEqualTo(401);
        Response unknown = api().post(letters + "/eviction", "{\"eventId\": \"no-such-event\", \"reason\": \"r\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body().get("field").asText()).isEqualTo("eventId");
    }

    @Test
    void administratorsAndAnalystsReadItOthersMayNot() {
        for (Profile profile : Profile.values()) {
            Response answer = user("processors-" + profile.name().toLowerCase().replace('_', '-'), profile).api()
                    .get("/api/v1/admin/processors");
            int expected = profile == Profile.ADMINISTRATOR || profile == Profile.ANALYST ? 200 : 403;
            assertThat(answer.status()).as(profile.name()).isEqualTo(expected);
        }
        assertThat(anonymous().get("/api/v1/admin/processors").status()).isEqualTo(401);
    }

    /** The catalogue's read model, every column of every row, but for the product {@code leftOut}. */
    private String products(String leftOut) {
        return jdbc.queryForList("select * from product_view where id <> ? order by id", leftOut) + " "
                + jdbc.queryForList("select * from product_price where product_id <> ? order by product_id, price_id",
                leftOut);
    }

    private static Map<String, JsonNode> list(HttpApi api) {
        Response answer = api.get("/api/v1/admin/processors");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Map<String, JsonNode> processors = new HashMap<>();
        answer.body().get("processors").forEach(processor -> processors.put(processor.get("name").asText(), processor));
        return processors;
    }
}
