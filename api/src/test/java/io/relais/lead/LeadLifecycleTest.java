package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LeadLifecycleTest extends ApiTestSupport {

    @Test
    void aLeadGoesFromCaptureThroughQualificationAndEveryStepIsReadableAtOnce() {
        HttpApi api = api();
        Response created = api.post("/api/v1/leads", """
                {"firstName": "Éloïse", "lastName": "Martin", "email": "eloise.martin@example.fr",
                 "company": "Durand SA", "country": "fr", "source": "WEB_FORM", "sourceDetail": "salon 2026",
                 "consent": {"granted": true, "date": "2026-11-01", "channel": "WEB_FORM", "textVersion": " 2026-11 "}}
                """, "X-Request-Id", "capture-request-1");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/leads/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.header("X-Request-Id")).isEqualTo("capture-request-1");
        assertThat(created.body().get("status").asText()).isEqualTo("NEW");
        assertThat(created.body().get("details").get("country").asText()).isEqualTo("FR");
        assertThat(created.body().get("marketingConsent").asBoolean()).isTrue();
        assertThat(created.body().get("consentChannel").asText()).isEqualTo("WEB_FORM");
        assertThat(created.body().get("consentTextVersion").asText()).isEqualTo("2026-11");

        Response read = api.get("/api/v1/leads/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.body().get("details").get("email").asText()).isEqualTo("eloise.martin@example.fr");

        Response updated = api.patch("/api/v1/leads/" + id, "{\"city\": \"Lyon\", \"phone\": \"+33 6 12 34 56 78\"}",
                "If-Match", "\"0\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        assertThat(updated.body().get("details").get("city").asText()).isEqualTo("Lyon");

        Response cleared = api.patch("/api/v1/leads/" + id, "{\"city\": null}", "If-Match", "\"1\"");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().get("details").get("city").isNull()).isTrue();

        String alice = user("alice", Profile.SALES_REP).id();
        assertThat(api.put("/api/v1/leads/" + id + "/owner", "{\"ownerId\": \"" + alice + "\"}").body()
                .get("ownerId").asText()).isEqualTo(alice);
        assertThat(api.post("/api/v1/leads/" + id + "/start-work", null).body().get("status").asText())
                .isEqualTo("WORKING");
        assertThat(api.post("/api/v1/leads/" + id + "/qualify", null).body().get("status").asText())
                .isEqualTo("QUALIFIED");
        assertThat(api.post("/api/v1/leads/" + id + "/reopen", null).body().get("status").asText())
                .isEqualTo("WORKING");
        Response disqualified = api.post("/api/v1/leads/" + id + "/disqualify",
                "{\"reason\": \"OTHER\", \"note\": \"Moved abroad\"}");
        assertThat(disqualified.status()).isEqualTo(200);
        assertThat(disqualified.header("ETag")).isEqualTo("\"7\"");
        assertThat(disqualified.body().get("disqualificationReason").asText()).isEqualTo("OTHER");
        assertThat(disqualified.body().get("disqualificationNote").asText()).isEqualTo("Moved abroad");

        Response history = api.get("/api/v1/leads/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        history.body().get("content").forEach(item -> types.add(item.get("type").asText()));
        assertThat(types).containsExactly("LeadCaptured", "LeadDetailsUpdated", "LeadDetailsUpdated",
                "LeadOwnerAssigned", "LeadWorkStarted", "LeadQualified", "LeadReopened", "LeadDisqualified");
        JsonNode first = history.body().get("content").get(0);
        assertThat(first.get("correlationId").asText()).isEqualTo("capture-request-1");
        assertThat(first.get("userId").asText()).isEqualTo("admin");
        assertThat(first.get("causationId").asText()).isNotBlank().isNotEqualTo("capture-request-1");
        JsonNode update = history.body().get("content").get(1);
        assertThat(update.get("changes").toString())
                .contains("{\"field\":\"phone\",\"oldValue\":null,\"newValue\":\"+33 6 12 34 56 78\"}")
                .contains("{\"field\":\"city\",\"oldValue\":null,\"newValue\":\"Lyon\"}");
        JsonNode clear = history.body().get("content").get(2);
        assertThat(clear.get("changes").toString())
                .isEqualTo("[{\"field\":\"city\",\"oldValue\":\"Lyon\",\"newValue\":null}]");
    }

    @Test
    void theCorrelationIdComesFromTraceparentWhenThereIsNoRequestId() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Response created = api().post("/api/v1/leads", "{\"email\": \"trace@example.fr\", \"source\": \"NEWSLETTER\"}",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(created.header("X-Request-Id")).isEqualTo(traceId);
        Response history = api().get("/api/v1/leads/" + created.body().get("id").asText() + "/history");
        assertThat(history.body().get("content").get(0).get("correlationId").asText()).isEqualTo(traceId);
    }

    @Test
    void aGeneratedCorrelationIdIsReturnedWhenTheCallerGivesNone() {
        Response created = api().post("/api/v1/leads", "{\"phone\": \"+33 1 23 45 67 89\", \"source\": \"REP_ENTRY\"}");

        String requestId = created.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        Response history = api().get("/api/v1/leads/" + created.body().get("id").asText() + "/history");
        assertThat(history.body().get("content").get(0).get("correlationId").asText()).isEqualTo(requestId);
    }

    @Test
    void theListFiltersSortsAndPages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String owner = user("owner", Profile.SALES_REP).id();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("Zoé Abadie", "Émile Bernard", "Chloé Caron")) {
            String[] parts = name.split(" ");
            ids.add(api().post("/api/v1/leads", """
                    {"firstName": "%s", "lastName": "%s", "company": "Société %s", "source": "PARTNER_FILE",
                     "ownerId": "%s"}
                    """.formatted(parts[0], parts[1], tag, owner)).body().get("id").asText());
        }
        api().post("/api/v1/leads/" + ids.get(1) + "/qualify", null);

        Response byOwner = api().get("/api/v1/leads?ownerId=" + owner + "&sort=lastName,asc");
        assertThat(byOwner.body().get("totalElements").asLong()).isEqualTo(3);
        assertThat(lastNames(byOwner)).containsExactly("Abadie", "Bernard", "Caron");

        Response descending = api().get("/api/v1/leads?ownerId=" + owner + "&sort=lastName,desc&size=2&page=0");
        assertThat(lastNames(descending)).containsExactly("Caron", "Bernard");
        assertThat(descending.body().get("totalPages").asInt()).isEqualTo(2);
        Response secondPage = api().get("/api/v1/leads?ownerId=" + owner + "&sort=lastName,desc&size=2&page=1");
        assertThat(lastNames(secondPage)).containsExactly("Abadie");

        Response qualified = api().get("/api/v1/leads?ownerId=" + owner + "&status=QUALIFIED");
        assertThat(lastNames(qualified)).containsExactly("Bernard");

        Response accentInsensitive = api().get("/api/v1/leads?q=SOCIETE%20" + tag + "&source=PARTNER_FILE");
        assertThat(accentInsensitive.body().get("totalElements").asLong()).isEqualTo(3);
        Response byFirstName = api().get("/api/v1/leads?q=emile&ownerId=" + owner);
        assertThat(lastNames(byFirstName)).containsExactly("Bernard");
        Response otherSource = api().get("/api/v1/leads?ownerId=" + owner + "&source=NEWSLETTER");
        assertThat(otherSource.body().get("totalElements").asLong()).isZero();
        Response wildcardIsLiteral = api().get("/api/v1/leads?q=%25&ownerId=" + owner);
        assertThat(wildcardIsLiteral.body().get("totalElements").asLong()).isZero();
    }

    private static List<String> lastNames(Response page) {
        List<String> names = new ArrayList<>();
        page.body().get("content").forEach(item -> names.add(item.get("details").get("lastName").asText()));
        return names;
    }
}
