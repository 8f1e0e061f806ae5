package io.relais.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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

    @Test
    void aWriteThatTakesAnExpectedVersionDescribesItAsTheOptionalIfMatchHeaderOnly() {
        JsonNode paths = anonymous().get("/v3/api-docs").body().get("paths");

        for (String[] operation : new String[][]{{"/api/v1/leads/{id}", "patch"}, {"/api/v1/leads/{id}/qualify", "post"},
                {"/api/v1/opportunities/{id}/line-items/{lineId}", "delete"}}) {
            JsonNode parameters = paths.get(operation[0]).get(operation[1]).get("parameters");
            List<String> names = parameters.findValuesAsText("name");
            assertThat(names).as(operation[0]).contains("If-Match").doesNotContain("version", "expected");
            parameters.forEach(parameter -> {
                if (parameter.get("name").asText().equals("If-Match")) {
                    assertThat(parameter.get("in").asText()).isEqualTo("header");
                    assertThat(parameter.path("required").asBoolean(false)).isFalse();
                }
            });
        }
        assertThat(paths.get("/api/v1/leads/{id}").get("get").path("parameters").findValuesAsText("name"))
                .doesNotContain("If-Match");
    }

    @Test
    void everyListDescribesTheOnePageShape() {
        JsonNode api = anonymous().get("/v3/api-docs").body();
        List<String> pages = new ArrayList<>();
        api.get("paths").forEach(path -> path.path("get").path("responses").path("200").path("content").forEach(
                body -> {
                    String ref = body.path("schema").path("$ref").asText();
                    if (ref.endsWith("Page")) {
                        pages.add(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                }));

        assertThat(pages).contains("LeadPage", "LeadHistoryPage", "AccountPage", "OpportunityPage", "ActivityPage",
                "AlertPage", "TerritoryPage", "UserPage", "TimelinePage", "DuplicatePairPage", "ProductPage",
                "ExchangeRatePage", "SalesTargetPage");
        for (String page : pages) {
            JsonNode properties = api.get("components").get("schemas").get(page).get("properties");
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            assertThat(names).as(page).containsExactlyInAnyOrder("content", "page", "size", "totalElements",
                    "totalPages");
            assertThat(properties.get("content").get("type").asText()).as(page).isEqualTo("array");
        }
    }
}
