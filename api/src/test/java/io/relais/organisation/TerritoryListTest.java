package io.relais.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Territories are listed, paged like the other lists, for every signed-in user (as each one is). */
class TerritoryListTest extends ApiTestSupport {

    @Test
    void territoriesAreListedByIdWithTheirRulesAndRepsPageByPage() {
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 8);
        TestUser rep = user("territory-rep", Profile.SALES_REP);
        for (String suffix : List.of("b", "a", "c")) {
            api().post("/api/v1/territories",
                    "{\"territoryId\": \"" + prefix + "-" + suffix + "\", \"name\": \"T " + suffix + "\"}");
        }
        api().post("/api/v1/territories/" + prefix + "-a/rules",
                "{\"ruleId\": \"r1\", \"priority\": 5, \"country\": \"FR\"}");
        api().put("/api/v1/territories/" + prefix + "-a/members/" + rep.id(), null);

        List<JsonNode> listed = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || (long) page * 2 < total; page++) {
            Response response = rep.api().get("/api/v1/territories?size=2&page=" + page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.body().get("size").asInt()).isEqualTo(2);
            assertThat(response.body().get("page").asInt()).isEqualTo(page);
            assertThat(response.body().get("content").size()).isLessThanOrEqualTo(2);
            total = response.body().get("totalElements").asLong();
            response.body().get("content").forEach(listed::add);
        }

        assertThat(listed).hasSize((int) total);
        List<String> ids = listed.stream().map(territory -> territory.get("territoryId").asText()).toList();
        assertThat(ids).containsSubsequence(prefix + "-a", prefix + "-b", prefix + "-c");
        JsonNode a = listed.get(ids.indexOf(prefix + "-a"));
        assertThat(a.get("name").asText()).isEqualTo("T a");
        assertThat(a.get("rules").get(0).get("ruleId").asText()).isEqualTo("r1");
        assertThat(a.get("members").get(0).asText()).isEqualTo(rep.id());
        assertThat(listed.get(ids.indexOf(prefix + "-b")).get("rules")).isEmpty();
    }

    @Test
    void badPagesAreRefused() {
        assertThat(api().get("/api/v1/territories?size=0").body().get("type").asText())
                .isEqualTo("urn:relais:problem:invalid-page-size");
        assertThat(api().get("/api/v1/territories?page=-1").body().get("type").asText())
                .isEqualTo("urn:relais:problem:invalid-page");
    }
}
