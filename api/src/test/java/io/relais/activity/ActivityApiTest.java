package io.relais.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Activities over HTTP: logged interactions, scheduled tasks whose reminders and overdue alerts really fire. */
class ActivityApiTest extends ApiTestSupport {

    @Test
    void aScheduledTaskRemindsItsAssigneeThenTurnsOverdueAndCompletingItStopsTheAlerts() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        String account = account(rep, "Chocolaterie Benoît");
        Instant due = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);

        Response scheduled = manager.api().post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": "
                + "\"Rappeler pour le devis\", \"accountId\": \"" + account + "\", \"assigneeId\": \"" + rep.id()
                + "\", \"dueAt\": \"" + due + "\", \"remindAt\": \"" + due.minusSeconds(2) + "\"}");
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String id = scheduled.body().get("id").asText();
        assertThat(scheduled.body().get("ownerId").asText()).isEqualTo(rep.id());
        assertThat(scheduled.body().get("status").asText()).isEqualTo("OPEN");

        await().atMost(Duration.ofSeconds(30)).until(() -> alertKinds(rep, id).containsAll(List.of("REMINDER",
                "OVERDUE")));
        JsonNode overdue = rep.api().get("/api/v1/activities/" + id).body();
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(eventsOf(id)).filteredOn(event -> event.getPayloadType() == ActivityOverdue.class)
                .singleElement().satisfies(event -> assertThat(event.getMetaData().get("userId"))
                        .isEqualTo("system:reminders"));
        assertThat(manager.api().get("/api/v1/alerts").body().get("content")).noneMatch(alert -> alert.get("activityId")
                .asText().equals(id));

        Response done = rep.api().post("/api/v1/activities/" + id + "/complete", "{\"outcome\": \"Devis envoyé\"}");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.body().get("status").asText()).isEqualTo("DONE");
        assertThat(rep.api().post("/api/v1/activities/" + id + "/complete", "{}").status()).isEqualTo(409);
    }

    @Test
    void completingAMeetingCancelsItsDeadlinesAndCallsAreLoggedAsDone() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String account = account(rep, "Laiterie Hubert");
        String contact = rep.api().post("/api/v1/accounts/" + account + "/contacts", "{\"lastName\": \"Hubert\"}")
                .header("Location").replaceAll(".*/", "");
        Instant due = Instant.now().plusSeconds(3600);
        long deadlinesBefore = pendingDeadlines();
        String task = rep.api().post("/api/v1/activities/schedule", "{\"kind\": \"MEETING\", \"subject\": \"Visite\", "
                + "\"contactId\": \"" + contact + "\", \"dueAt\": \"" + due + "\", \"remindAt\": \"" + due.minusSeconds(600)
                + "\"}").body().get("id").asText();
        assertThat(pendingDeadlines()).isEqualTo(deadlinesBefore + 2);
        assertThat(rep.api().post("/api/v1/activities/" + task + "/complete", null).status()).isEqualTo(200);
        assertThat(pendingDeadlines()).isEqualTo(deadlinesBefore);

        Response call = rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Appel entrant\", "
                + "\"contactId\": \"" + contact + "\"}");
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        assertThat(call.body().get("status").asText()).isEqualTo("DONE");
        assertThat(call.body().get("accountId").asText()).isEqualTo(account);

        assertThat(rep.api().get("/api/v1/activities?contactId=" + contact).body().get("totalElements").asInt())
                .isEqualTo(2);
    }

    @Test
    void activitiesFollowVisibilityAndBadInputChangesNothing() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        String account = account(rep, "Verrerie Mathieu");
        String peers = account(peer, "Ailleurs");
        long before = storedEvents();
        Instant future = Instant.now().plusSeconds(3600);

        Map<String, Response> refused = Map.of(
                "no link", rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"X\"}"),
                "someone else's account", rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", "
                        + "\"subject\": \"X\", \"accountId\": \"" + peers + "\"}"),
                "task logged", rep.api().post("/api/v1/activities/log", "{\"kind\": \"TASK\", \"subject\": \"X\", "
                        + "\"accountId\": \"" + account + "\"}"),
                "call in the future", rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": "
                        + "\"X\", \"accountId\": \"" + account + "\", \"occurredAt\": \"" + future + "\"}"),
                "no due time", rep.api().post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": \"X\", "
                        + "\"accountId\": \"" + account + "\"}"),
                "reminder after due", rep.api().post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": "
                        + "\"X\", \"accountId\": \"" + account + "\", \"dueAt\": \"" + future + "\", \"remindAt\": \""
                        + future.plusSeconds(60) + "\"}"),
                "no subject", rep.api().post("/api/v1/activities/log", "{\"kind\": \"NOTE\", \"accountId\": \""
                        + account + "\"}"));
        Map<String, List<Object>> expected = Map.of(
                "no link", List.of(400, "required"),
                "someone else's account", List.of(400, "unknown-account"),
                "task logged", List.of(400, "invalid-value"),
                "call in the future", List.of(400, "date-in-future"),
                "no due time", List.of(400, "required"),
                "reminder after due", List.of(400, "invalid-range"),
                "no subject", List.of(400, "required"));
        expected.forEach((name, answer) -> {
            Response response = refused.get(name);
            assertThat(response.status()).as(name + " " + response).isEqualTo(answer.get(0));
            assertThat(response.body().get("type").asText()).as(name).isEqualTo("urn:relais:problem:" + answer.get(1));
        });
        assertThat(storedEvents()).isEqualTo(before);

        String note = rep.api().post("/api/v1/activities/log", "{\"kind\": \"NOTE\", \"subject\": \"Contexte\", "
                + "\"accountId\": \"" + account + "\"}").body().get("id").asText();
        assertThat(peer.api().get("/api/v1/activities/" + note).status()).isEqualTo(404);
    }

    /** The deadlines waiting in the persisted deadline manager's table. */
    @Test
    void aReassignedTasksAlertsLeaveThePreviousAssigneesFeedAndReachTheNewOnes() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        TestUser peer = user("peer", Profile.SALES_REP, manager);
        String account = account(manager, "Tonnellerie Roux");
        String task = manager.api().post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": "
                + "\"Confidentiel\", \"accountId\": \"" + account + "\", \"assigneeId\": \"" + rep.id() + "\", "
                + "\"dueAt\": \"" + Instant.now().minusSeconds(60) + "\"}").body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> alertKinds(rep, task).equals(List.of("OVERDUE")));

        Response reassigned = manager.api().put("/api/v1/activities/" + task + "/assignee", "{\"assigneeId\": \""
                + peer.id() + "\"}");

        assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
        assertThat(alertKinds(rep, task)).isEmpty();
        assertThat(rep.api().get("/api/v1/activities/" + task).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertKinds(peer, task).equals(List.of("OVERDUE")));
    }

    @Test
    void replayingTheActivityProjectionFromZeroGivesTheSameRows() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String account = account(rep, "Fromagerie du Rejeu");
        String deal = rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Rejeu\", \"currency\": \"EUR\", \"amount\": 900, \"expectedCloseDate\": \"2027-01-31\"}")
                .body().get("id").asText();
        assertThat(rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Appel\", "
                + "\"opportunityId\": \"" + deal + "\", \"occurredAt\": \"" + Instant.now().minus(3, ChronoUnit.DAYS)
                + "\"}").status()).isEqualTo(201);
        String meeting = rep.api().post("/api/v1/activities/schedule", "{\"kind\": \"MEETING\", \"subject\": "
                + "\"Visite\", \"opportunityId\": \"" + deal + "\", \"dueAt\": \"" + Instant.now().plusSeconds(3600)
                + "\"}").body().get("id").asText();
        assertThat(rep.api().post("/api/v1/activities/" + meeting + "/complete", null).status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": \"En retard\", "
                + "\"accountId\": \"" + account + "\", \"dueAt\": \"" + Instant.now().minusSeconds(60) + "\"}")
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertCount(rep) == 1);
        StreamingEventProcessor processor = processor(ActivityProjection.PROCESSING_GROUP);
        awaitSettled();
        List<String> before = rows();
        assertThat(before).anyMatch(row -> row.contains(deal) && row.contains("\"open\": true")
                && !row.contains("\"last_done_at\": null"));

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(rows()).isEqualTo(before);
    }

    private long alertCount(TestUser user) {
        return user.api().get("/api/v1/alerts").body().get("totalElements").asLong();
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("activity_view", "activity_alert", "deal_idleness")) {
            rows.addAll(jdbc.queryForList("select to_jsonb(t)::text from " + table + " t order by 1", String.class));
        }
        return rows;
    }

    private long pendingDeadlines() {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'", Long.class);
    }

    private List<String> alertKinds(TestUser user, String activityId) {
        JsonNode items = user.api().get("/api/v1/alerts?size=200").body().get("content");
        List<String> kinds = new ArrayList<>();
        items.forEach(alert -> {
            if (alert.get("activityId").asText().equals(activityId)) {
                kinds.add(alert.get("kind").asText());
            }
        });
        return kinds;
    }

    private String account(TestUser owner, String legalName) {
        Response created = owner.api().post("/api/v1/accounts", "{\"legalName\": \"" + legalName + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
