package io.relais.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event store is sealed in position order, each seal chained and signed, and the latest one published. */
@NeedsPostgreSqlEventStore
class EventSealTest extends ApiTestSupport {

    @Autowired
    private EventSealer sealer;

    @Test
    void storedEventsAreSealedOnceStableAndTheLatestSealIsSignedByThePublishedKey() {
        String lead = created(api().post("/api/v1/leads", "{\"email\": \"seal@example.fr\", \"source\": \"WEB_FORM\"}"));
        long position = jdbc.queryForObject("select max(globalindex) from domainevententry where aggregateidentifier = ?",
                Long.class, lead);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sealer.sealStable();
            return sealer.latest().filter(seal -> seal.toPosition() >= position).isPresent();
        });
        Response latest = user("auditor", Profile.AUDITOR).api().get("/api/v1/audit/seals/latest");

        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        JsonNode seal = latest.body();
        assertThat(seal.get("toPosition").asLong()).isGreaterThanOrEqualTo(position);
        byte[] sealHash = HexFormat.of().parseHex(seal.get("sealHash").asText());
        byte[] signature = Base64.getDecoder().decode(seal.get("signature").asText());
        assertThat(SealingKeys.verifies(seal.get("publicKey").asText(), sealHash, signature)).isTrue();
        sealHash[0] ^= 1;
        assertThat(SealingKeys.verifies(seal.get("publicKey").asText(), sealHash, signature)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from event_seal s join event_seal p on p.seal_number = "
                + "s.seal_number - 1 where s.previous_seal_hash <> p.seal_hash or s.from_position <> p.to_position",
                Long.class)).as("every seal chained to the one before").isZero();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry e where e.globalindex <= ? and not exists "
                + "(select 1 from event_seal s where e.globalindex > s.from_position and e.globalindex <= s.to_position)",
                Long.class, position)).as("no event left out").isZero();
    }

    @Test
    void theDescriptionSaysThatTheLatestSealMayNotExistYet() {
        JsonNode responses = api().get("/v3/api-docs").body().get("paths").get("/api/v1/audit/seals/latest").get("get")
                .get("responses");

        assertThat(responses.has("200")).isTrue();
        assertThat(responses.get("404").get("content").get("application/problem+json").get("schema").get("$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void onlyAuditorsAndAdministratorsReadTheSeals() {
        assertThat(user("rep", Profile.SALES_REP).api().get("/api/v1/audit/seals/latest").status()).isEqualTo(403);
        assertThat(user("steward", Profile.DATA_STEWARD).api().get("/api/v1/audit/seals/latest").status())
                .isEqualTo(403);
    }
}
