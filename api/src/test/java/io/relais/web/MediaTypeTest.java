package io.relais.web;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API reads and writes JSON: a request that can have no JSON answer, or whose body is declared as
 * something else than one type, is refused with a problem before anything is changed.
 */
class MediaTypeTest extends ApiTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "text/*", "image/png, text/plain;q=0.5"})
    void aWriteThatCannotBeAnsweredInJsonIsRefusedAndChangesNothing(String accept) {
        String lead = newLead();
        long before = storedEvents();

        Response refused = api().post("/api/v1/leads/" + lead + "/disqualify", "{\"reason\": \"NO_NEED\"}",
                "Accept", accept);

        assertProblem(refused, 406, "not-acceptable");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api().get("/api/v1/leads/" + lead).body().path("status").asText()).isEqualTo("NEW");
    }

    /** An Accept header that cannot be read is disregarded. */
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "application/*", "application/problem+json",
            "text/html, application/json;q=0.5", "*/*;q=x", ";;"})
    void aWriteThatMayBeAnsweredInJsonIsApplied(String accept) {
        Response disqualified = api().post("/api/v1/leads/" + newLead() + "/disqualify",
                "{\"reason\": \"NO_NEED\"}", "Accept", accept);

        assertThat(disqualified.status()).isEqualTo(200);
        assertThat(disqualified.body().path("status").asText()).isEqualTo("DISQUALIFIED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "multipart/form-data", "multipart/form-data; boundary=x"})
    void aBodyOfAnotherOrAnUndecidedTypeIsRefusedAndChangesNothing(String contentType) {
        String lead = newLead();
        long before = storedEvents();

        Response refused = api().send("POST", "/api/v1/leads/" + lead + "/disqualify", "{\"reason\": \"NO_NEED\"}",
                contentType);

        assertProblem(refused, 415, "unsupported-media-type");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private String newLead() {
        return api().post("/api/v1/leads", "{\"email\": \"media-types@example.fr\", \"source\": \"NEWSLETTER\"}")
                .header("Location").replaceAll(".*/", "");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().path("type").asText()).isEqualTo("urn:relais:problem:" + code);
    }
}
