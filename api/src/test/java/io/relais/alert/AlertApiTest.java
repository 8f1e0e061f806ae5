package io.relais.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Following over HTTP: a rep follows an account and hears of what others change in it (its deals and activities
 * included) but not of their own changes; a manager follows a rep's records; nobody follows what they may not see;
 * alerts follow the reader's sight at the time they are read, and are marked read up to a position.
 */
class AlertApiTest extends ApiTestSupport {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void aFollowerHearsOfWhatOthersChangeInTheAccountItsDealsAndActivitiesAndMarksItRead() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        String account = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Fromagerie Suivie\"}"));

        Response followed = rep.api().put("/api/v1/follows/ACCOUNT/" + account, "");
        assertThat(followed.status()).as(followed.toString()).isEqualTo(200);
        assertThat(followed.body().get("kind").asText()).isEqualTo("ACCOUNT");
        assertThat(rep.api().put("/api/v1/follows/account/" + account, "").body().get("followedAt"))
                .as("following again changes nothing").isEqualTo(followed.body().get("followedAt"));
        assertThat(rep.api().get("/api/v1/follows").body().get("content")).singleElement()
                .satisfies(follow -> assertThat(follow.get("id").asText()).isEqualTo(account));

        patch(rep.api(), "/api/v1/accounts/" + account, "{\"phone\": \"04 78 00 00 01\"}");
        patch(manager.api(), "/api/v1/accounts/" + account, "{\"phone\": \"04 78 00 00 02\"}");
        String deal = created(manager.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", "
                + "\"name\": \"Cave d'affinage\", \"ownerId\": \"" + rep.id() + "\", \"currency\": \"EUR\", "
                + "\"amount\": 12000, \"expectedCloseDate\": \"" + LocalDate.now(ZoneOffset.UTC).plusMonths(2) + "\"}"));
        String visit = created(manager.api().post("/api/v1/activities/schedule", "{\"kind\": \"MEETING\", "
                + "\"subject\": \"Visite de la cave\", \"opportunityId\": \"" + deal + "\", \"assigneeId\": \""
                + rep.id() + "\", \"dueAt\": \"" + LocalDate.now(ZoneOffset.UTC).plusMonths(1) + "T10:00:00Z\"}"));

        JsonNode alerts = awaitAlerts(rep, "", page -> recordIds(page).containsAll(List.of(account, deal, visit)));
        assertThat(alerts.get("content")).allSatisfy(alert -> {
            assertThat(alert.get("kind").asText()).isEqualTo("CHANGE");
            assertThat(alert.get("event").get("userId").asText()).as("only others' changes").isEqualTo(manager.id());
            assertThat(alert.get("followedId").asText()).isEqualTo(account);
            assertThat(alert.get("read").asBoolean()).isFalse();
        });
        assertThat(alerts.get("content")).filteredOn(alert -> alert.get("event").get("recordId").asText()
                .equals(account)).singleElement().satisfies(alert -> assertThat(alert.get("event").get("changes"))
                .anySatisfy(change -> {
                    assertThat(change.get("field").asText()).isEqualTo("phone");
                    assertThat(change.get("oldValue").asText()).isEqualTo("04 78 00 00 01");
                    assertThat(change.get("newValue").asText()).isEqualTo("04 78 00 00 02");
                }));
        assertThat(manager.api().get("/api/v1/alerts").body().get("totalElements").asLong())
                .as("the manager follows nothing").isZero();

        // read up to the oldest, then all
        JsonNode content = alerts.get("content");
        long oldest = content.get(content.size() - 1).get("position").asLong();
        Response marked = rep.api().post("/api/v1/alerts/read", "{\"upTo\": " + oldest + "}");
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.body().get("readUpTo").asLong()).isEqualTo(oldest);
        assertThat(rep.api().get("/api/v1/alerts?unread=true").body().get("totalElements").asLong())
                .isEqualTo(content.size() - 1);
        long newest = rep.api().post("/api/v1/alerts/read", "").body().get("readUpTo").asLong();
        assertThat(newest).isEqualTo(content.get(0).get("position").asLong());
        assertThat(rep.api().get("/api/v1/alerts?unread=true").body().get("totalElements").asLong()).isZero();
        assertThat(rep.api().get("/api/v1/alerts").body().get("content")).allMatch(alert -> alert.get("read")
                .asBoolean());
        assertThat(rep.api().post("/api/v1/alerts/read", "{\"upTo\": " + oldest + "}").body().get("readUpTo")
                .asLong()).as("a mark never moves back").isEqualTo(newest);
        assertField(rep.api().post("/api/v1/alerts/read", "{\"upTo\": " + (newest + 1) + "}"), 400, "upTo");
        assertField(rep.api().post("/api/v1/alerts/read", "{\"upTo\": -1}"), 400, "upTo");

        assertThat(manager.api().put("/api/v1/opportunities/" + deal + "/amount", "{\"amount\": 15000}").status())
                .isEqualTo(200);
        awaitAlerts(rep, "?unread=true", page -> page.get("totalElements").asLong() == 1);

        assertThat(rep.api().get("/api/v1/follows/ACCOUNT/" + account).body().get("followedAt"))
                .isEqualTo(followed.body().get("followedAt"));
        assertThat(manager.api().get("/api/v1/follows/ACCOUNT/" + account).status()).as("not the manager's")
                .isEqualTo(404);
        Response unfollowed = rep.api().delete("/api/v1/follows/ACCOUNT/" + account);
        assertThat(unfollowed.status()).as(unfollowed.toString()).isEqualTo(204);
        assertThat(rep.api().get("/api/v1/follows/ACCOUNT/" + account).status()).isEqualTo(404);
        assertThat(rep.api().get("/api/v1/alerts").body().get("totalElements").asLong()).isZero();
    }

    @Test
    void managersFollowTheirRepsAndNobodyFollowsWhatTheyMayNotSee() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        TestUser stranger = user("stranger", Profile.SALES_REP);
        String lead = created(rep.api().post("/api/v1/leads", "{\"lastName\": \"Suivi\", \"company\": "
                + "\"Brasserie Suivie\", \"email\": \"contact@brasserie-suivie.fr\", \"source\": \"REP_ENTRY\"}"));

        assertThat(manager.api().put("/api/v1/follows/USER/" + rep.id(), "").status()).isEqualTo(200);
        assertThat(stranger.api().put("/api/v1/follows/USER/" + rep.id(), "").status()).isEqualTo(403);
        assertThat(rep.api().put("/api/v1/follows/USER/" + manager.id(), "").status()).isEqualTo(403);
        assertThat(manager.api().put("/api/v1/follows/USER/" + manager.id(), "").status()).isEqualTo(403);
        assertField(manager.api().put("/api/v1/follows/USER/nobody-here", ""), 404, "id");
        assertField(stranger.api().put("/api/v1/follows/LEAD/" + lead, ""), 404, "id");
        assertField(stranger.api().put("/api/v1/follows/CONTACT/" + lead, ""), 400, "kind");
        assertField(stranger.api().put("/api/v1/follows/LEAD/no%20such", ""), 400, "id");
        assertThat(stranger.api().get("/api/v1/follows").body().get("totalElements").asLong()).isZero();

        // the rep's own change alerts their manager, who follows them; the rep follows the lead too
        assertThat(rep.api().put("/api/v1/follows/LEAD/" + lead, "").status()).isEqualTo(200);
        patch(rep.api(), "/api/v1/leads/" + lead, "{\"firstName\": \"Mathilde\"}");
        patch(api(), "/api/v1/leads/" + lead, "{\"city\": \"Lyon\"}");
        JsonNode alerts = awaitAlerts(manager, "", page -> page.get("totalElements").asLong() == 2);
        assertThat(alerts.get("content")).allSatisfy(alert -> {
            assertThat(alert.get("followedKind").asText()).isEqualTo("USER");
            assertThat(alert.get("followedId").asText()).isEqualTo(rep.id());
            assertThat(alert.get("event").get("recordId").asText()).isEqualTo(lead);
        });
        awaitAlerts(rep, "", page -> page.get("totalElements").asLong() == 1
                && page.get("content").get(0).get("event").get("userId").asText().equals("admin"));

        // reassigned to someone the rep and their manager may not see: its alerts leave both feeds
        Response moved = api().put("/api/v1/leads/" + lead + "/owner", "{\"ownerId\": \"" + stranger.id() + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        awaitAlerts(rep, "", page -> page.get("totalElements").asLong() == 0);
        assertThat(manager.api().get("/api/v1/alerts").body().get("totalElements").asLong()).isZero();
    }

    private JsonNode awaitAlerts(TestUser user, String query, Predicate<JsonNode> reached) {
        List<JsonNode> page = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            page.clear();
            page.add(user.api().get("/api/v1/alerts" + query).body());
            return reached.test(page.get(0));
        });
        return page.get(0);
    }

    private static List<String> recordIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(alert -> ids.add(alert.get("event").get("recordId").asText()));
        return ids;
    }

    private static void patch(HttpApi api, String path, String body) {
        Response patched = api.patch(path, body, "Content-Type", MERGE_PATCH);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    }

    private static void assertField(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.body().get("field").asText()).as(response.toString()).isEqualTo(field);
    }
}
