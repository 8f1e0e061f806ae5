package io.relais.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description says what it describes, and which version. */
class ApiDescriptionTest extends ApiTestSupport {

    @Test
    void theDescriptionHasATitleTheProjectsVersionAndASummary() {
        JsonNode info = anonymous().get("/v3/api-docs").body().get("info");

        assertThat(info.get("title").asText()).isEqualTo("Relais API");
        assertThat(info.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(info.get("description").asText()).contains("RFC 9457");
    }
}
