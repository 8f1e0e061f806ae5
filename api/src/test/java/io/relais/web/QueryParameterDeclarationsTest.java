package io.relais.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query parameters declared once for many routes (a list's page, a record of filters) read, refuse and are
 * described as if each route declared them itself: a route's own default page size, the same problems naming
 * the parameter, the same OpenAPI parameters in the same places.
 */
class QueryParameterDeclarationsTest extends ApiTestSupport {

    private static final String LEADS = "/api/v1/leads";
    private static final String USERS = "/api/v1/users";

    @Test
    void aListWithoutPageOrSizeGivesTheFirstPageOfItsRoutesDefaultSize() {
        String lead = created(api().post(LEADS, "{\"email\": \"page-" + System.nanoTime()
                + "@example.fr\", \"source\": \"NEWSLETTER\"}"));

        assertThat(page(LEADS)).containsExactly(0, 20);
        assertThat(page(USERS)).containsExactly(0, 50);
        assertThat(page(LEADS + "/" + lead + "/history")).containsExactly(0, 50);
        assertThat(page(LEADS + "?page=&size=")).containsExactly(0, 20);
        assertThat(page(USERS + "?page=2&size=7")).containsExactly(2, 7);
    }

    @Test
    void aBadPageOrSizeIsTheSameProblemOnEveryList() {
        for (String list : List.of(LEADS, USERS)) {
            assertProblem(api().get(list + "?page=-1"), "invalid-page", "page");
            assertProblem(api().get(list + "?page=abc"), "invalid-parameter", "page");
            assertProblem(api().get(list + "?page=99999999999"), "invalid-parameter", "page");
            assertProblem(api().get(list + "?size=0"), "invalid-page-size", "size");
            assertProblem(api().get(list + "?size=201"), "invalid-page-size", "size");
            assertProblem(api().get(list + "?size=1.5"), "invalid-parameter", "size");
        }
        assertThat(api().get(LEADS + "?page=abc").body().get("detail").asText())
                .isEqualTo("'abc' is not a valid value for page");
    }

    @Test
    void everyListDescribesPageAndSizeWhereItDeclaresThemWithItsDefaultAndRange() {
        JsonNode paths = anonymous().get("/v3/api-docs").body().get("paths");

        assertThat(names(paths.get(LEADS).get("get"))).containsExactly("status", "ownerId", "source", "q", "page",
                "size", "sort");
        assertThat(names(paths.get("/api/v1/accounts/{id}/timeline").get("get"))).containsExactly("id", "kind",
                "from", "to", "order", "page", "size");
        for (String[] list : new String[][]{{LEADS, "20"}, {USERS, "50"}, {LEADS + "/{id}/history", "50"},
                {"/api/v1/accounts/{id}/contacts/{contactId}/timeline", "50"}, {"/api/v1/alerts", "20"}}) {
            JsonNode page = parameter(paths.get(list[0]).get("get"), "page");
            JsonNode size = parameter(paths.get(list[0]).get("get"), "size");
            assertThat(page.get("in").asText()).isEqualTo("query");
            assertThat(page.get("required").asBoolean()).isFalse();
            assertThat(page.get("schema").get("type").asText()).isEqualTo("integer");
            assertThat(page.get("schema").get("default").asInt()).isZero();
            assertThat(page.get("schema").get("minimum").asInt()).isZero();
            assertThat(size.get("in").asText()).isEqualTo("query");
            assertThat(size.get("schema").get("type").asText()).isEqualTo("integer");
            assertThat(size.get("schema").get("default").asText()).as(list[0]).isEqualTo(list[1]);
            assertThat(size.get("schema").get("minimum").asInt()).isEqualTo(1);
            assertThat(size.get("schema").get("maximum").asInt()).isEqualTo(200);
        }
    }

    @Test
    void aRequiredParameterOfARecordIsAMissingParameterAndItsOthersAreOptional() {
        TestUser rep = user("rep", Profile.SALES_REP);
        Response missing = rep.api().get("/api/v1/forecasts/" + rep.id());

        assertProblem(missing, "required", "period");
        assertThat(missing.body().get("title").asText()).isEqualTo("Missing parameter");
        assertThat(rep.api().get("/api/v1/forecasts/" + rep.id() + "?period=2026").status()).isEqualTo(200);
        JsonNode forecast = anonymous().get("/v3/api-docs").body().get("paths").get("/api/v1/forecasts/{userId}");
        assertThat(parameter(forecast.get("get"), "period").get("required").asBoolean()).isTrue();
        assertThat(parameter(forecast.get("get"), "asOf").path("required").asBoolean(false)).isFalse();
    }

    @Test
    void aFilterOfARecordIsReadAndRefusedAsARequestParameterIs() {
        Response badStatus = api().get("/api/v1/activities?status=PENDING");

        assertProblem(badStatus, "invalid-parameter", "status");
        assertThat(badStatus.body().get("detail").asText()).isEqualTo("'PENDING' is not a valid value for status; "
                + "expected one of OPEN, DONE, CANCELLED");
        assertProblem(api().get("/api/v1/opportunities?closingFrom=soon"), "invalid-parameter", "closingFrom");
        assertThat(api().get("/api/v1/activities?status=&kind=").status()).isEqualTo(200);
        assertThat(api().get("/api/v1/opportunities?status=WON&stage=&q=").status()).isEqualTo(200);
    }

    private List<Integer> page(String path) {
        Response response = api().get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return List.of(response.body().get("page").asInt(), response.body().get("size").asInt());
    }

    private static List<String> names(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.get("parameters").forEach(parameter -> names.add(parameter.get("name").asText()));
        return names;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static void assertProblem(Response response, String type, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("type").asText()).isEqualTo("urn:relais:problem:" + type);
        assertThat(response.body().get("field").asText()).isEqualTo(field);
    }
}
