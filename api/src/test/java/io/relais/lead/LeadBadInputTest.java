package io.relais.lead;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets an RFC 9457 problem with a stable type and the field at fault, and changes nothing. */
class LeadBadInputTest extends ApiTestSupport {

    private static final String LONG = "x".repeat(101);

    private String leadId;

    @BeforeEach
    void aLeadExists() {
        leadId = api().post("/api/v1/leads", "{\"email\": \"existing@example.fr\", \"source\": \"NEWSLETTER\"}")
                .body().get("id").asText();
    }

    static Stream<Arguments> badCaptures() {
        return Stream.of(
                Arguments.of("{\"email\": \"a@example.fr\", ", 400, "malformed-json", null),
                Arguments.of("[1, 2]", 400, "invalid-body", "body"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"TELEVISION\"}", 400, "invalid-value", "source"),
                Arguments.of("{\"email\": \"not-an-email\", \"source\": \"NEWSLETTER\"}", 400, "invalid-email", "email"),
                Arguments.of("{\"email\": \"a@@example.fr\", \"source\": \"NEWSLETTER\"}", 400, "invalid-email", "email"),
                Arguments.of("{\"phone\": \"call me\", \"source\": \"NEWSLETTER\"}", 400, "invalid-phone", "phone"),
                Arguments.of("{\"firstName\": \"Jean\", \"source\": \"NEWSLETTER\"}", 400, "missing-contact-point", "email"),
                Arguments.of("{\"source\": \"NEWSLETTER\"}", 400, "missing-contact-point", "email"),
                Arguments.of("{\"email\": \"a@example.fr\"}", 400, "required", "source"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", \"lastName\": \"" + LONG + "\"}",
                        400, "too-long", "lastName"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", \"country\": \"France\"}",
                        400, "invalid-country", "country"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", \"country\": \"XX\"}",
                        400, "invalid-country", "country"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", \"website\": \"not a site\"}",
                        400, "invalid-website", "website"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", \"colour\": \"red\"}",
                        400, "unknown-field", "colour"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", \"ownerId\": \"bad owner!\"}",
                        400, "invalid-user-id", "ownerId"),
                Arguments.of("{\"email\": [\"a@example.fr\"], \"source\": \"NEWSLETTER\"}", 400, "invalid-value", "email"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", "
                        + "\"consent\": {\"granted\": true, \"date\": \"2026-02-30\", \"channel\": \"EMAIL\"}}",
                        400, "invalid-value", "consent.date"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", "
                        + "\"consent\": {\"granted\": true, \"date\": \"2026-01-01\", \"channel\": \"PIGEON\"}}",
                        400, "invalid-value", "consent.channel"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", "
                        + "\"consent\": {\"granted\": true, \"date\": \"2999-01-01\", \"channel\": \"EMAIL\"}}",
                        400, "date-in-future", "consent.date"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", "
                        + "\"consent\": {\"granted\": true, \"channel\": \"EMAIL\"}}",
                        400, "required", "consent.date"),
                Arguments.of("{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\", "
                        + "\"consent\": {\"granted\": true, \"date\": \"2026-01-01\", \"channel\": \"EMAIL\", "
                        + "\"textVersion\": \"" + "v".repeat(51) + "\"}}",
                        400, "too-long", "consent.textVersion"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("badCaptures")
    void aBadCaptureIsRefusedWithAProblemAndChangesNothing(String body, int status, String type, String field) {
        long before = storedEvents();

        Response response = api().post("/api/v1/leads", body);

        assertProblem(response, status, type, field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    static Stream<Arguments> badChanges() {
        return Stream.of(
                Arguments.of("PATCH", "", "{\"email\": \"nope\"}", null, 400, "invalid-email", "email"),
                Arguments.of("PATCH", "", "{\"email\": null}", null, 400, "missing-contact-point", "email"),
                Arguments.of("PATCH", "", "{\"status\": \"QUALIFIED\"}", null, 400, "unknown-field", "status"),
                Arguments.of("PATCH", "", "{\"city\": 42}", null, 400, "invalid-value", "city"),
                Arguments.of("PATCH", "", "{}", null, 400, "no-changes", "changes"),
                Arguments.of("PATCH", "", "\"text\"", null, 400, "invalid-body", "body"),
                Arguments.of("PATCH", "", "{\"city\": \"Lyon\"", null, 400, "malformed-json", null),
                Arguments.of("PATCH", "", "{\"city\": \"Lyon\"}", "\"7\"", 409, "stale-version", "If-Match"),
                Arguments.of("PATCH", "", "{\"city\": \"Lyon\"}", "banana", 400, "invalid-if-match", "If-Match"),
                Arguments.of("PUT", "/owner", "{\"ownerId\": \"\"}", null, 400, "required", "ownerId"),
                Arguments.of("PUT", "/owner", "{\"ownerId\": \"rep.bob\", \"extra\": 1}", null, 400, "unknown-field", "extra"),
                Arguments.of("POST", "/qualify", null, "\"3\"", 409, "stale-version", "If-Match"),
                Arguments.of("POST", "/reopen", null, null, 409, "invalid-transition", "status"),
                Arguments.of("POST", "/disqualify", "{}", null, 400, "required", "reason"),
                Arguments.of("POST", "/disqualify", "{\"reason\": \"OTHER\"}", null, 400, "required", "note"),
                Arguments.of("POST", "/disqualify", "{\"reason\": \"BORED\"}", null, 400, "invalid-value", "reason"),
                Arguments.of("POST", "/consent/withdrawal", "{}", null, 400, "required", "channel"),
                Arguments.of("POST", "/consent/withdrawal", "{\"channel\": \"PIGEON\"}", null, 400, "invalid-value",
                        "channel"),
                Arguments.of("POST", "/consent/withdrawal", "{\"channel\": \"EMAIL\", \"date\": \"2026-02-30\"}", null,
                        400, "invalid-value", "date"),
                Arguments.of("POST", "/consent/withdrawal", "{\"channel\": \"EMAIL\", \"date\": \"2999-01-01\"}", null,
                        400, "date-in-future", "date"),
                Arguments.of("POST", "/consent/withdrawal", "{\"channel\": \"EMAIL\", \"date\": \"1899-12-31\"}", null,
                        400, "out-of-range", "date"),
                Arguments.of("POST", "/consent/withdrawal", "{\"channel\": \"EMAIL\"}", "\"4\"", 409, "stale-version",
                        "If-Match"));
    }

    @ParameterizedTest(name = "{0} {1} {2} If-Match {3} -> {4} {5}")
    @MethodSource("badChanges")
    void aBadChangeIsRefusedWithAProblemAndChangesNothing(String method, String suffix, String body, String ifMatch,
                                                          int status, String type, String field) {
        long before = storedEvents();
        String contentType = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
        String[] headers = ifMatch == null ? new String[0] : new String[]{"If-Match", ifMatch};

        Response response = api().send(method, "/api/v1/leads/" + leadId + suffix, body, contentType, headers);

        assertProblem(response, status, type, field);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api().get("/api/v1/leads/" + leadId).header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void unknownLeadsAnswer404ForReadsAndCommands() {
        String unknown = "no-such-lead";
        assertProblem(api().get("/api/v1/leads/" + unknown), 404, "not-found", "id");
        assertProblem(api().get("/api/v1/leads/" + unknown + "/history"), 404, "not-found", "id");
        assertProblem(api().post("/api/v1/leads/" + unknown + "/qualify", null), 404, "not-found", "id");
        assertProblem(api().post("/api/v1/leads/" + unknown + "/consent/withdrawal", "{\"channel\": \"EMAIL\"}"), 404,
                "not-found", "id");
        assertProblem(api().patch("/api/v1/leads/" + unknown, "{\"city\": \"Lyon\"}"), 404, "not-found", "id");
    }

    @Test
    void badListParametersAreRefused() {
        assertProblem(api().get("/api/v1/leads?status=SLEEPING"), 400, "invalid-parameter", "status");
        assertProblem(api().get("/api/v1/leads?source=RADIO"), 400, "invalid-parameter", "source");
        assertProblem(api().get("/api/v1/leads?size=0"), 400, "invalid-page-size", "size");
        assertProblem(api().get("/api/v1/leads?size=201"), 400, "invalid-page-size", "size");
        assertProblem(api().get("/api/v1/leads?page=-1"), 400, "invalid-page", "page");
        assertProblem(api().get("/api/v1/leads?page=abc"), 400, "invalid-parameter", "page");
        assertProblem(api().get("/api/v1/leads?sort=email"), 400, "invalid-sort", "sort");
        assertProblem(api().get("/api/v1/leads?sort=lastName,sideways"), 400, "invalid-sort", "sort");
        assertProblem(api().get("/api/v1/leads?q=" + "a".repeat(201)), 400, "too-long", "q");
    }

    @Test
    void protocolErrorsAreProblemsToo() {
        assertProblem(api().send("POST", "/api/v1/leads", "email=a", "text/plain"), 415, "unsupported-media-type", null);
        assertProblem(api().send("DELETE", "/api/v1/leads/" + leadId, null, null), 405, "method-not-allowed", null);
        assertProblem(api().send("POST", "/api/v1/leads", null, null), 415, "unsupported-media-type", null);
        assertProblem(api().post("/api/v1/leads", ""), 400, "unreadable-body", null);
        assertProblem(api().post("/api/v1/leads", "{\"email\": \"a@example.fr\", \"source\": \"NEWSLETTER\"}",
                "Idempotency-Key", "has spaces"), 400, "invalid-idempotency-key", "Idempotency-Key");
    }

    private static void assertProblem(Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("urn:relais:problem:" + type);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(response.body().get("field").asText()).isEqualTo(field);
        }
    }
}
