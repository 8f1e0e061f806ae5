package io.relais.activity;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may read, list and complete an activity, for every relationship to its assignee (its owner), and whose
 * alerts each one sees: each cell of the matrix is asserted. The organisation: director > manager > {owner,
 * peer}; another team's manager; an auditor, an analyst, a data steward and the administrator; and an
 * anonymous caller. To whoever may not see the activity, every write answers as on one that does not exist,
 * whatever If-Match says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityAccessMatrixTest extends ApiTestSupport {

    enum Relationship {
        OWNER, MANAGER, MANAGERS_MANAGER, PEER_REP, OTHER_TEAMS_MANAGER, AUDITOR, ANALYST, DATA_STEWARD, ADMINISTRATOR,
        ANONYMOUS
    }

    /** What each relationship gets: the status of a read, whether the list shows the task, the status of a change. */
    private record Rights(int read, boolean listed, int change) {
    }

    private static final Rights FULL = new Rights(200, true, 200);
    private static final Rights READ_ONLY = new Rights(200, true, 403);
    private static final Rights NONE = new Rights(404, false, 404);
    private static final Rights UNAUTHENTICATED = new Rights(401, false, 401);

    private final String tag = "matrix" + UUID.randomUUID().toString().substring(0, 8);
    private TestUser owner;
    private TestUser manager;
    private TestUser director;
    private TestUser peer;
    private TestUser otherManager;
    private TestUser auditor;
    private TestUser analyst;
    private TestUser steward;
    /** Holds only {@link #task}, so that a list filtered on it shows that task or nothing. */
    private String taskAccount;
    /** Holds the tasks completed by the change cells. */
    private String changeAccount;
    private String task;
    /** An overdue task of each user who can be given one, by user id. */
    private final Map<String, String> overdueTasks = new LinkedHashMap<>();

    @BeforeAll
    void organisationAndActivities() {
        director = user("director", Profile.SALES_MANAGER);
        manager = user("manager", Profile.SALES_MANAGER, director);
        owner = user("owner", Profile.SALES_REP, manager);
        peer = user("peer", Profile.SALES_REP, manager);
        otherManager = user("other-manager", Profile.SALES_MANAGER);
        auditor = user("auditor", Profile.AUDITOR);
        analyst = user("analyst", Profile.ANALYST);
        steward = user("steward", Profile.DATA_STEWARD);
        taskAccount = account(owner.api());
        changeAccount = account(owner.api());
        task = taskOfOwner(taskAccount);

        String alertsAccount = account(api());
        for (String assignee : List.of(owner.id(), manager.id(), director.id(), peer.id(), otherManager.id(), "admin")) {
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
        Response read = as(relationship).get("/api/v1/activities/" + task);

        assertThat(read.status()).as(read.toString()).isEqualTo(rights(relationship).read());
        switch (read.status()) {
            case 200 -> assertThat(read.body().get("ownerId").asText()).isEqualTo(owner.id());
            case 404 -> assertThat(read.body().get("type").asText()).isEqualTo("urn:relais:problem:not-found");
            default -> assertThat(read.body().get("type").asText()).isEqualTo("urn:relais:problem:unauthenticated");
        }
    }

    @ParameterizedTest(name = "{0} lists")
    @EnumSource(Relationship.class)
    void list(Relationship relationship) {
        Response list = as(relationship).get("/api/v1/activities?size=200&accountId=" + taskAccount);

        if (relationship == Relationship.ANONYMOUS) {
            assertThat(list.status()).isEqualTo(401);
            return;
        }
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).isEqualTo(rights(relationship).listed() ? List.of(task) : List.of());
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(ids.size());
    }

    @ParameterizedTest(name = "{0} completes it")
    @EnumSource(Relationship.class)
    void complete(Relationship relationship) {
        String fresh = taskOfOwner(changeAccount);
        long before = storedEvents();

        Response done = as(relationship).post("/api/v1/activities/" + fresh + "/complete", "{\"outcome\": \"Fait\"}");

        assertThat(done.status()).as(done.toString()).isEqualTo(rights(relationship).change());
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
        List<Arguments> cells = new ArrayList<>();
        for (Relationship relationship : Relationship.values()) {
            if (rights(relationship) == NONE) {
                for (String write : List.of("complete", "cancel", "schedule", "assignee")) {
                    cells.add(Arguments.of(relationship, write));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}: {1}, whatever If-Match says")
    @MethodSource("writesOnAHiddenActivity")
    void writeOnAHiddenActivity(Relationship relationship, String write) {
        String fresh = taskOfOwner(changeAccount);
        // changed once, so that a stale version exists
        assertThat(owner.api().put("/api/v1/activities/" + fresh + "/schedule", due(31)).status()).isEqualTo(200);

        assertAnswersAsMissing("/api/v1/activities/" + fresh, (id, headers) -> {
            HttpApi api = as(relationship);
            String path = "/api/v1/activities/" + id;
            return switch (write) {
                case "complete" -> api.post(path + "/complete", "{\"outcome\": \"Fait\"}", headers);
                case "cancel" -> api.post(path + "/cancel", null, headers);
                case "schedule" -> api.put(path + "/schedule", due(32), headers);
                default -> api.put(path + "/assignee", "{\"assigneeId\": \"" + peer.id() + "\"}", headers);
            };
        });
    }

    @ParameterizedTest(name = "{0} sees their own alerts only")
    @EnumSource(Relationship.class)
    void alerts(Relationship relationship) {
        Response alerts = as(relationship).get("/api/v1/alerts?size=200");

        if (relationship == Relationship.ANONYMOUS) {
            assertThat(alerts.status()).isEqualTo(401);
            return;
        }
        assertThat(alerts.status()).as(alerts.toString()).isEqualTo(200);
        List<String> activities = new ArrayList<>();
        alerts.body().get("items").forEach(alert -> activities.add(alert.get("activityId").asText()));
        String own = overdueTasks.get(callerId(relationship));
        List<String> expected = own == null ? List.of() : List.of(own);
        // the administrator is shared with every other test, which may have given them alerts of their own
        assertThat(activities.stream().filter(overdueTasks::containsValue).toList()).isEqualTo(expected);
        if (relationship != Relationship.ADMINISTRATOR) {
            assertThat(activities).isEqualTo(expected);
        }
    }

    private Rights rights(Relationship relationship) {
        return switch (relationship) {
            case OWNER, MANAGER, MANAGERS_MANAGER, ADMINISTRATOR -> FULL;
            case AUDITOR, ANALYST, DATA_STEWARD -> READ_ONLY;
            case PEER_REP, OTHER_TEAMS_MANAGER -> NONE;
            case ANONYMOUS -> UNAUTHENTICATED;
        };
    }

    private HttpApi as(Relationship relationship) {
        return switch (relationship) {
            case ADMINISTRATOR -> api();
            case ANONYMOUS -> anonymous();
            default -> registered(relationship).api();
        };
    }

    private String callerId(Relationship relationship) {
        return relationship == Relationship.ADMINISTRATOR ? "admin" : registered(relationship).id();
    }

    /** The user this class registered for the relationship. */
    private TestUser registered(Relationship relationship) {
        return switch (relationship) {
            case OWNER -> owner;
            case MANAGER -> manager;
            case MANAGERS_MANAGER -> director;
            case PEER_REP -> peer;
            case OTHER_TEAMS_MANAGER -> otherManager;
            case AUDITOR -> auditor;
            case ANALYST -> analyst;
            case DATA_STEWARD -> steward;
            case ADMINISTRATOR, ANONYMOUS -> throw new IllegalArgumentException(relationship + " is not registered here");
        };
    }

    /** A new due date in {@code days} days, well after this class has run so that no alert fires. */
    private static String due(int days) {
        return "{\"dueAt\": \"" + Instant.now().plus(days, ChronoUnit.DAYS) + "\"}";
    }

    /** An open task of the owner's, due well after this class has run so that no alert of it fires. */
    private String taskOfOwner(String account) {
        return created(owner.api().post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": \"Rappeler "
                + tag + "\", \"accountId\": \"" + account + "\", \"dueAt\": \"" + Instant.now().plus(30, ChronoUnit.DAYS)
                + "\"}"));
    }

    private String account(HttpApi api) {
        return created(api.post("/api/v1/accounts", "{\"legalName\": \"Société " + tag + " "
                + UUID.randomUUID().toString().substring(0, 8) + "\"}"));
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }
}
