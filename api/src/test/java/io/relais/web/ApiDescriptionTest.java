package io.relais.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description says what it describes, and which version, and holds together as a generated client
 * needs: every operation signed in (or said public), answering its refusals as problems, with its own
 * operationId, referring only to schemas it defines; its example bodies are accepted.
 */
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
    void everyCreationDescribesTheOptionalIdempotencyKeyHeader() {
        JsonNode paths = anonymous().get("/v3/api-docs").body().get("paths");
        List<String> described = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> method.getValue()
                .path("parameters").forEach(parameter -> {
                    if (parameter.get("name").asText().equals("Idempotency-Key")) {
                        described.add(method.getKey() + " " + path.getKey());
                        assertThat(parameter.get("in").asText()).isEqualTo("header");
                        assertThat(parameter.path("required").asBoolean(false)).isFalse();
                        assertThat(parameter.path("description").asText()).contains("retry");
                    }
                    assertThat(parameter.get("in").asText() + " " + parameter.get("name").asText())
                            .isNotEqualTo("query key");
                })));

        assertThat(described).containsExactlyInAnyOrder("post /api/v1/leads", "post /api/v1/accounts",
                "post /api/v1/opportunities", "post /api/v1/activities/log", "post /api/v1/activities/schedule",
                "post /api/v1/products", "post /api/v1/web-forms", "post /api/v1/webhooks",
                "post /api/v1/workflow-rules");
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
                "AlertPage", "FollowPage", "TerritoryPage", "UserPage", "TimelinePage", "DuplicatePairPage",
                "ProductPage", "ExchangeRatePage", "SalesTargetPage");
        for (String page : pages) {
            JsonNode properties = api.get("components").get("schemas").get(page).get("properties");
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            assertThat(names).as(page).containsExactlyInAnyOrder("content", "page", "size", "totalElements",
                    "totalPages");
            assertThat(properties.get("content").get("type").asText()).as(page).isEqualTo("array");
        }
    }

    @Test
    void everyOperationIsSignedInAnswersProblemsHasItsOwnIdAndRefersOnlyToDefinedSchemas() {
        JsonNode description = anonymous().get("/v3/api-docs").body();

        assertThat(description.path("paths").size()).isGreaterThan(50);
        assertThat(violations(description)).isEmpty();
    }

    @Test
    void eachOperationListsTheSuccessesItAnswersWithTheHeadersTheyAlwaysCarry() {
        JsonNode paths = anonymous().get("/v3/api-docs").body().path("paths");

        assertThat(successes(paths.path("/api/v1/leads").path("post"))).isEqualTo("201 ETag Location, 202 Location");
        assertThat(successes(paths.path("/api/v1/leads/{id}/qualify").path("post")))
                .isEqualTo("200 ETag, 202 Location");
        assertThat(successes(paths.path("/api/v1/leads/{id}").path("get"))).isEqualTo("200 ETag");
        assertThat(successes(paths.path("/api/v1/leads/{id}/convert").path("post"))).isEqualTo("200");
        assertThat(successes(paths.path("/api/v1/leads/{id}/duplicates/dismiss").path("post"))).isEqualTo("202, 204");
        assertThat(paths.path("/api/v1/leads/{id}/duplicates/dismiss").path("post").path("responses").path("204")
                .has("content")).isFalse();
    }

    /** The 2xx statuses of an operation, each with the headers it requires. */
    private static String successes(JsonNode operation) {
        return operation.path("responses").properties().stream().filter(answer -> answer.getKey().startsWith("2"))
                .map(answer -> answer.getKey() + answer.getValue().path("headers").properties().stream()
                        .filter(header -> header.getValue().path("required").asBoolean(false))
                        .map(header -> " " + header.getKey()).sorted().collect(Collectors.joining()))
                .sorted().collect(Collectors.joining(", "));
    }

    @Test
    void theRulesFindABrokenDescription() {
        ObjectNode description = anonymous().get("/v3/api-docs").body().deepCopy();
        ObjectNode qualify = (ObjectNode) description.path("paths").path("/api/v1/leads/{id}/qualify").path("post");
        qualify.remove("security");
        String getLead = description.path("paths").path("/api/v1/leads/{id}").path("get").path("operationId").asText();
        qualify.put("operationId", getLead);
        ((ObjectNode) qualify.path("responses")).retain("200", "202");
        ((ObjectNode) description.path("components").path("schemas")).remove("Problem");

        assertThat(violations(description)).contains(
                "POST /api/v1/leads/{id}/qualify: no security requirement",
                "POST /api/v1/leads/{id}/qualify: no 4xx answer with the problem schema",
                "operationId " + getLead + ": used twice",
                "#/components/schemas/Problem: referred to, not defined");
    }

    @Test
    void theExampleBodiesOfTheMainCreationsAreAccepted() {
        JsonNode description = anonymous().get("/v3/api-docs").body();
        HttpApi admin = api();

        String accountId = created(admin.post("/api/v1/accounts", example(description, "/api/v1/accounts")));
        created(admin.post("/api/v1/leads", example(description, "/api/v1/leads")));
        ObjectNode deal = (ObjectNode) json(example(description, "/api/v1/opportunities"));
        created(admin.post("/api/v1/opportunities", deal.put("accountId", accountId).toString()));
    }

    /** The example of a creation's body: the request body's own, or else the one of the schema it refers to. */
    private static String example(JsonNode description, String path) {
        JsonNode body = description.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json");
        JsonNode examples = body.path("examples");
        if (examples.isMissingNode()) {
            JsonNode example = description.at(body.path("schema").path("$ref").asText().substring(1)).path("example");
            assertThat(example.isObject()).as(path).isTrue();
            return example.toString();
        }
        assertThat(examples.size()).as(path).isEqualTo(1);
        return examples.elements().next().path("value").toString();
    }

    /** What breaks the rules a generated client relies on, one line each. */
    private static List<String> violations(JsonNode description) {
        List<String> violations = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String operation = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode described = method.getValue();
                boolean open = described.path("security").isArray() && described.path("security").isEmpty();
                if (!described.has("security")) {
                    violations.add(operation + ": no security requirement");
                } else if (open != operation.equals("POST /api/v1/web-forms/{key}/submissions")) {
                    violations.add(operation + (open ? ": needs no sign-in" : ": needs a sign-in"));
                } else if (open && described.path("responses").has("401")) {
                    violations.add(operation + ": needs no sign-in, yet answers 401");
                }
                if (described.path("responses").properties().stream().noneMatch(answer -> answer.getKey()
                        .startsWith("4") && answer.getValue().path("content").path("application/problem+json")
                        .path("schema").path("$ref").asText().equals("#/components/schemas/Problem"))) {
                    violations.add(operation + ": no 4xx answer with the problem schema");
                }
                String operationId = described.path("operationId").asText("");
                if (operationId.isEmpty()) {
                    violations.add(operation + ": no operationId");
                } else if (!operationIds.add(operationId)) {
                    violations.add("operationId " + operationId + ": used twice");
                }
            }
        }
        description.findValuesAsText("$ref").stream().distinct().forEach(ref -> {
            if (!ref.startsWith("#/") || description.at(ref.substring(1)).isMissingNode()) {
                violations.add(ref + ": referred to, not defined");
            }
        });
        return violations;
    }
}
