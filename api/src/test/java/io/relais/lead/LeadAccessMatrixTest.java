package io.relais.lead;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read, list and change a lead, for every relationship to its owner: each cell of the matrix is
 * asserted. The organisation: director > manager > {owner, peer}; another team's manager; an auditor, an
 * analyst and the administrator; and an anonymous caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadAccessMatrixTest extends ApiTestSupport {

    enum Relationship {
        OWNER, MANAGER, MANAGERS_MANAGER, PEER_REP, OTHER_TEAMS_MANAGER, AUDITOR, ANALYST, ADMINISTRATOR, ANONYMOUS
    }

    /** What each relationship gets: the status of a read, whether the list shows the lead, the status of a change. */
    private record Rights(int read, boolean listed, int change) {
    }

    private static final Rights FULL = new Rights(200, true, 200);
    private static final Rights READ_ONLY = new Rights(200, true, 403);
    private static final Rights NONE = new Rights(404, false, 404);
    private static final List<String> CHANGES = List.of("update", "assign", "start-work", "qualify", "disqualify",
            "reopen");

    private final String tag = "matrix" + UUID.randomUUID().toString().substring(0, 8);
    private TestUser owner;
    private TestUser manager;
    private TestUser director;
    private TestUser peer;
    private TestUser otherManager;
    private TestUser auditor;
    private TestUser analyst;

    @BeforeAll
    void organisation() {
        director = user("director", Profile.SALES_MANAGER);
        manager = user("manager", Profile.SALES_MANAGER, director);
        owner = user("owner", Profile.SALES_REP, manager);
        peer = user("peer", Profile.SALES_REP, manager);
        otherManager = user("other-manager", Profile.SALES_MANAGER);
        auditor = user("auditor", Profile.AUDITOR);
        analyst = user("analyst", Profile.ANALYST);
    }

    static Stream<Arguments> changes() {
        List<Arguments> cells = new ArrayList<>();
        for (Relationship relationship : Relationship.values()) {
            for (String change : CHANGES) {
                cells.add(Arguments.of(relationship, change));
            }
        }
        return cells.stream();
    }

    /** Every write that takes If-Match (the changes and the conversion), by each relationship that sees nothing. */
    Stream<Arguments> writesOnAHiddenLead() {
        List<Arguments> cells = new ArrayList<>();
        for (Relationship relationship : Relationship.values()) {
            if (relationship != Relationship.ANONYMOUS && rights(relationship) == NONE) {
                Stream.concat(CHANGES.stream(), Stream.of("convert"))
                        .forEach(write -> cells.add(Arguments.of(relationship, write)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} reads")
    @EnumSource(Relationship.class)
    void read(Relationship relationship) {
        String id = leadOwnedByOwner();

        Response read = as(relationship).get("/api/v1/leads/" + id);
        Response history = as(relationship).get("/api/v1/leads/" + id + "/history");

        int expected = relationship == Relationship.ANONYMOUS ? 401 : rights(relationship).read();
        assertThat(read.status()).as(read.toString()).isEqualTo(expected);
        assertThat(history.status()).as(history.toString()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(read.body().get("type").asText()).isEqualTo("urn:relais:problem:not-found");
        }
    }

    @ParameterizedTest(name = "{0} lists")
    @EnumSource(Relationship.class)
    void list(Relationship relationship) {
        String id = leadOwnedByOwner();

        Response list = as(relationship).get("/api/v1/leads?size=200&q=" + tag);

        if (relationship == Relationship.ANONYMOUS) {
            assertThat(list.status()).isEqualTo(401);
            assertThat(list.body().get("type").asText()).isEqualTo("urn:relais:problem:unauthenticated");
            return;
        }
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        if (rights(relationship).listed()) {
            assertThat(ids).contains(id);
            assertThat(list.body().get("totalItems").asLong()).isEqualTo(ids.size()).isPositive();
        } else {
            assertThat(ids).isEmpty();
            assertThat(list.body().get("totalItems").asLong()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("changes")
    void change(Relationship relationship, String change) {
        String id = leadOwnedByOwner();
        if (change.equals("reopen")) {
            assertThat(api().post("/api/v1/leads/" + id + "/qualify", null).status()).isEqualTo(200);
        }
        long before = storedEvents();

        Response response = send(as(relationship), id, change);

        int expected = relationship == Relationship.ANONYMOUS ? 401 : rights(relationship).change();
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected != 200) {
            assertThat(storedEvents()).isEqualTo(before);
        } else if (!change.equals("assign")) {
            assertThat(storedEvents()).isEqualTo(before + 1);
        }
    }

    @ParameterizedTest(name = "{0}: {1}, whatever If-Match says")
    @MethodSource("writesOnAHiddenLead")
    void writeOnAHiddenLead(Relationship relationship, String write) {
        String id = leadOwnedByOwner();
        // changed once, so that a stale version exists
        assertThat(api().patch("/api/v1/leads/" + id, "{\"city\": \"Lyon\"}").status()).isEqualTo(200);

        assertAnswersAsMissing("/api/v1/leads/" + id, (target, headers) -> send(as(relationship), target, write,
                headers));
    }

    @Test
    void aManagerHandsALeadToSomeoneInTheirTeamButNotOutsideIt() {
        String id = leadOwnedByOwner();

        assertThat(manager.api().put("/api/v1/leads/" + id + "/owner", owner(otherManager.id())).status())
                .isEqualTo(403);
        Response handed = manager.api().put("/api/v1/leads/" + id + "/owner", owner(peer.id()));

        assertThat(handed.status()).isEqualTo(200);
        assertThat(handed.body().get("ownerId").asText()).isEqualTo(peer.id());
        assertThat(owner.api().get("/api/v1/leads/" + id).status()).isEqualTo(404);
        assertThat(peer.api().get("/api/v1/leads/" + id).status()).isEqualTo(200);
    }

    @Test
    void aRepKeepsTheirLeadsToThemselvesAndCapturesOnlyForThemselves() {
        String id = leadOwnedByOwner();

        Response handOver = owner.api().put("/api/v1/leads/" + id + "/owner", owner(peer.id()));
        Response captureForPeer = owner.api().post("/api/v1/leads", capture(peer.id()));
        Response captureForSelf = owner.api().post("/api/v1/leads", capture(owner.id()));

        assertThat(handOver.status()).isEqualTo(403);
        assertThat(handOver.body().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
        assertThat(captureForPeer.status()).isEqualTo(403);
        assertThat(captureForSelf.status()).isEqualTo(201);
        assertThat(captureForSelf.body().get("ownerId").asText()).isEqualTo(owner.id());
    }

    @Test
    void readOnlyProfilesCaptureNothing() {
        assertThat(auditor.api().post("/api/v1/leads", capture(owner.id())).status()).isEqualTo(403);
        assertThat(analyst.api().post("/api/v1/leads", capture(null)).status()).isEqualTo(403);
    }

    @Test
    void aManagerWhoGainsATeamSeesItsLeadsAtOnce() {
        String id = leadOwnedByOwner();
        assertThat(otherManager.api().get("/api/v1/leads/" + id).status()).isEqualTo(404);

        Response moved = api().put("/api/v1/users/" + manager.id() + "/manager", managerBody(otherManager.id()));

        assertThat(moved.status()).isEqualTo(200);
        try {
            assertThat(otherManager.api().get("/api/v1/leads/" + id).status()).isEqualTo(200);
            assertThat(director.api().get("/api/v1/leads/" + id).status()).isEqualTo(404);
        } finally {
            assertThat(api().put("/api/v1/users/" + manager.id() + "/manager", managerBody(director.id())).status())
                    .isEqualTo(200);
        }
        assertThat(otherManager.api().get("/api/v1/leads/" + id).status()).isEqualTo(404);
    }

    private Rights rights(Relationship relationship) {
        return switch (relationship) {
            case OWNER, MANAGER, MANAGERS_MANAGER, ADMINISTRATOR -> FULL;
            case AUDITOR, ANALYST -> READ_ONLY;
            case PEER_REP, OTHER_TEAMS_MANAGER -> NONE;
            case ANONYMOUS -> throw new IllegalArgumentException("anonymous callers are never authenticated");
        };
    }

    private HttpApi as(Relationship relationship) {
        return switch (relationship) {
            case OWNER -> owner.api();
            case MANAGER -> manager.api();
            case MANAGERS_MANAGER -> director.api();
            case PEER_REP -> peer.api();
            case OTHER_TEAMS_MANAGER -> otherManager.api();
            case AUDITOR -> auditor.api();
            case ANALYST -> analyst.api();
            case ADMINISTRATOR -> api();
            case ANONYMOUS -> anonymous();
        };
    }

    private Response send(HttpApi api, String id, String change, String... headers) {
        String path = "/api/v1/leads/" + id;
        return switch (change) {
            case "update" -> api.patch(path, "{\"city\": \"Annecy\"}", headers);
            case "assign" -> api.put(path + "/owner", owner(owner.id()), headers);
            case "disqualify" -> api.post(path + "/disqualify", "{\"reason\": \"NO_BUDGET\"}", headers);
            case "convert" -> api.post(path + "/convert", "{}", headers);
            default -> api.post(path + "/" + change, null, headers);
        };
    }

    private String leadOwnedByOwner() {
        Response created = api().post("/api/v1/leads", capture(owner.id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String capture(String ownerId) {
        return "{\"email\": \"" + UUID.randomUUID() + "@example.fr\", \"company\": \"" + tag
                + "\", \"source\": \"REP_ENTRY\", \"ownerId\": " + (ownerId == null ? "null" : "\"" + ownerId + "\"") + "}";
    }

    private static String owner(String ownerId) {
        return "{\"ownerId\": \"" + ownerId + "\"}";
    }

    private static String managerBody(String managerId) {
        return "{\"managerId\": \"" + managerId + "\"}";
    }
}
