package io.relais.activity;

import io.relais.support.AccessMatrix;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.relais.support.AccessMatrix.Relationship.ADMINISTRATOR;
import static io.relais.support.AccessMatrix.Relationship.ANONYMOUS;
import static io.relais.support.AccessMatrix.Relationship.MANAGER;
import static io.relais.support.AccessMatrix.Relationship.MANAGERS_MANAGER;
import static io.relais.support.AccessMatrix.Relationship.OTHER_TEAMS_MANAGER;
import static io.relais.support.AccessMatrix.Relationship.OWNER;
import static io.relais.support.AccessMatrix.Relationship.PEER_REP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may read, list and complete an activity, for every relationship to its assignee (its owner), and whose
 * alerts each one sees: each cell of the matrix is asserted. To whoever may not see the activity, every write
 * answers as on one that does not exist, whatever If-Match says.
 */
class ActivityAccessMatrixTest extends AccessMatrix {

    /** Holds only {@link #task}, so that a list filtered on it shows that task or nothing. */
    private String taskAccount;
    /** Holds the tasks completed by the change cells. */
    private String changeAccount;
    private String task;
    /** An overdue task of each user who can be given one, by user id. */
    private final Map<String, String> overdueTasks = new LinkedHashMap<>();

    @BeforeAll
    void activities() {
        taskAccount = account(as(OWNER));
        changeAccount = account(as(OWNER));
        task = taskOfOwner(taskAccount);

        String alertsAccount = account(api());
        for (String assignee : Stream.of(OWNER, MANAGER, MANAGERS_MANAGER, PEER_REP, OTHER_TEAMS_MANAGER, ADMINISTRATOR)
                .map(this::id).toList()) {
            String overdue = created(api().post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": "
                    + "\"En retard\", \"accountId\": \"" + alertsAccount + "\", \"assigneeId\": \"" + assignee
                    + "\", \"dueAt\": \"" + Instant.now().minus(1, ChronoUnit.MINUTES) + "\"}"));
            // one at a time: overdue events fired together are committed out of order, and the timeline then
            // records positions its replay does not reproduce (TimelineTest)
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from "
                    + "activity_alert where activity_id = ?", Long.class, overdue) > 0);
            overdueTasks.put(assignee, overdue);
        }
    }

    @ParameterizedTest(name = "{0} reads")
    @EnumSource(Relationship.class)
    void read(Relationship relationship) {
        assertRead(as(relationship).get("/api/v1/activities/" + task), onTheOwnersRecord(relationship));
    }

    @ParameterizedTest(name = "{0} lists")
    @EnumSource(Relationship.class)
    void list(Relationship relationship) {
        assertListed(as(relationship).get("/api/v1/activities?size=200&accountId=" + taskAccount),
                onTheOwnersRecord(relationship), task);
    }

    @ParameterizedTest(name = "{0} completes it")
    @EnumSource(Relationship.class)
    void complete(Relationship relationship) {
        String fresh = taskOfOwner(changeAccount);
        long before = storedEvents();

        Response done = as(relationship).post("/api/v1/activities/" + fresh + "/complete", "{\"outcome\": \"Fait\"}");

        assertThat(done.status()).as(done.toString()).isEqualTo(onTheOwnersRecord(relationship).change());
        if (done.status() == 200) {
            assertThat(done.body().get("status").asText()).isEqualTo("DONE");
            assertThat(storedEvents()).isEqualTo(before + 1);
        } else {
            assertThat(storedEvents()).isEqualTo(before);
            assertThat(api().get("/api/v1/activities/" + fresh).body().get("status").asText()).isEqualTo("OPEN");
        }
        if (done.status() == 403) {
            assertThat(done.body().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
        }
    }

    /** Every write that takes If-Match, by each relationship that sees nothing. */
    Stream<Arguments> writesOnAHiddenActivity() {
        return cells(relationship -> onTheOwnersRecord(relationship) == NONE, List.of("complete", "cancel",
                "schedule", "assignee"));
    }

    @ParameterizedTest(name = "{0}: {1}, whatever If-Match says")
    @MethodSource("writesOnAHiddenActivity")
    void writeOnAHiddenActivity(Relationship relationship, String write) {
        String fresh = taskOfOwner(changeAccount);
        // changed once, so that a stale version exists
        assertThat(as(OWNER).put("/api/v1/activities/" + fresh + "/schedule", due(31)).status()).isEqualTo(200);

        assertAnswersAsMissing("/api/v1/activities/" + fresh, (id, headers) -> {
            HttpApi api = as(relationship);
            String path = "/api/v1/activities/" + id;
            return switch (write) {
                case "complete" -> api.post(path + "/complete", "{\"outcome\": \"Fait\"}", headers);
                case "cancel" -> api.post(path + "/cancel", null, headers);
                case "schedule" -> api.put(path + "/schedule", due(32), headers);
                default -> api.put(path + "/assignee", "{\"assigneeId\": \"" + id(PEER_REP) + "\"}", headers);
            };
        });
    }

    @ParameterizedTest(name = "{0} sees their own alerts only")
    @EnumSource(Relationship.class)
    void alerts(Relationship relationship) {
        Response alerts = as(relationship).get("/api/v1/alerts?size=200");

        if (relationship == ANONYMOUS) {
            assertThat(alerts.status()).isEqualTo(401);
            return;
        }
        assertThat(alerts.status()).as(alerts.toString()).isEqualTo(200);
        List<String> activities = new ArrayList<>();
        alerts.body().get("content").forEach(alert -> activities.add(alert.get("activityId").asText()));
        String own = overdueTasks.get(id(relationship));
        List<String> expected = own == null ? List.of() : List.of(own);
        // the administrator is shared with every other test, which may have given them alerts of their own
        assertThat(activities.stream().filter(overdueTasks::containsValue).toList()).isEqualTo(expected);
        if (relationship != ADMINISTRATOR) {
            assertThat(activities).isEqualTo(expected);
        }
    }

    /** A new due date in {@code days} days, well after this class has run so that no alert fires. */
    private static String due(int days) {
        return "{\"dueAt\": \"" + Instant.now().plus(days, ChronoUnit.DAYS) + "\"}";
    }

    /** An open task of the owner's, due well after this class has run so that no alert of it fires. */
    private String taskOfOwner(String account) {
        return created(as(OWNER).post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": "
                + "\"Rappeler " + tag + "\", \"accountId\": \"" + account + "\", \"dueAt\": \""
                + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}"));
    }

    private String account(HttpApi api) {
        return created(api.post("/api/v1/accounts", "{\"legalName\": \"Société " + tag + " "
                + UUID.randomUUID().toString().substring(0, 8) + "\"}"));
    }

}
