package io.relais.lead;

import io.relais.support.AccessMatrix;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.relais.support.AccessMatrix.Relationship.ANALYST;
import static io.relais.support.AccessMatrix.Relationship.ANONYMOUS;
import static io.relais.support.AccessMatrix.Relationship.AUDITOR;
import static io.relais.support.AccessMatrix.Relationship.MANAGER;
import static io.relais.support.AccessMatrix.Relationship.MANAGERS_MANAGER;
import static io.relais.support.AccessMatrix.Relationship.OTHER_TEAMS_MANAGER;
import static io.relais.support.AccessMatrix.Relationship.OWNER;
import static io.relais.support.AccessMatrix.Relationship.PEER_REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read, list and change a lead, for every relationship to its owner: each cell of the matrix is
 * asserted. To whoever may not see the lead, every write answers as on one that does not exist, whatever If-Match
 * says.
 */
class LeadAccessMatrixTest extends AccessMatrix {

    private static final List<String> CHANGES = List.of("update", "assign", "start-work", "qualify", "disqualify",
            "reopen");

    static Stream<Arguments> changes() {
        return cells(relationship -> true, CHANGES);
    }

    /** Every write that takes If-Match (the changes and the conversion), by each relationship that sees nothing. */
    Stream<Arguments> writesOnAHiddenLead() {
        return cells(relationship -> onTheOwnersRecord(relationship) == NONE, Stream.concat(CHANGES.stream(),
                Stream.of("convert")).toList());
    }

    @ParameterizedTest(name = "{0} reads")
    @EnumSource(Relationship.class)
    void read(Relationship relationship) {
        String id = leadOwnedByOwner();

        Response read = as(relationship).get("/api/v1/leads/" + id);
        Response history = as(relationship).get("/api/v1/leads/" + id + "/history");

        int expected = onTheOwnersRecord(relationship).read();
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

        if (relationship == ANONYMOUS) {
            assertThat(list.status()).isEqualTo(401);
            assertThat(list.body().get("type").asText()).isEqualTo("urn:relais:problem:unauthenticated");
            return;
        }
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("content").forEach(item -> ids.add(item.get("id").asText()));
        if (onTheOwnersRecord(relationship).listed()) {
            assertThat(ids).contains(id);
            assertThat(list.body().get("totalElements").asLong()).isEqualTo(ids.size()).isPositive();
        } else {
            assertThat(ids).isEmpty();
            assertThat(list.body().get("totalElements").asLong()).isZero();
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

        int expected = onTheOwnersRecord(relationship).change();
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

        assertThat(as(MANAGER).put("/api/v1/leads/" + id + "/owner", owner(id(OTHER_TEAMS_MANAGER))).status())
                .isEqualTo(403);
        Response handed = as(MANAGER).put("/api/v1/leads/" + id + "/owner", owner(id(PEER_REP)));

        assertThat(handed.status()).isEqualTo(200);
        assertThat(handed.body().get("ownerId").asText()).isEqualTo(id(PEER_REP));
        assertThat(as(OWNER).get("/api/v1/leads/" + id).status()).isEqualTo(404);
        assertThat(as(PEER_REP).get("/api/v1/leads/" + id).status()).isEqualTo(200);
    }

    @Test
    void aRepKeepsTheirLeadsToThemselvesAndCapturesOnlyForThemselves() {
        String id = leadOwnedByOwner();

        Response handOver = as(OWNER).put("/api/v1/leads/" + id + "/owner", owner(id(PEER_REP)));
        Response captureForPeer = as(OWNER).post("/api/v1/leads", capture(id(PEER_REP)));
        Response captureForSelf = as(OWNER).post("/api/v1/leads", capture(id(OWNER)));

        assertThat(handOver.status()).isEqualTo(403);
        assertThat(handOver.body().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
        assertThat(captureForPeer.status()).isEqualTo(403);
        assertThat(captureForSelf.status()).isEqualTo(201);
        assertThat(captureForSelf.body().get("ownerId").asText()).isEqualTo(id(OWNER));
    }

    @Test
    void readOnlyProfilesCaptureNothing() {
        assertThat(as(AUDITOR).post("/api/v1/leads", capture(id(OWNER))).status()).isEqualTo(403);
        assertThat(as(ANALYST).post("/api/v1/leads", capture(null)).status()).isEqualTo(403);
    }

    @Test
    void aManagerWhoGainsATeamSeesItsLeadsAtOnce() {
        String id = leadOwnedByOwner();
        assertThat(as(OTHER_TEAMS_MANAGER).get("/api/v1/leads/" + id).status()).isEqualTo(404);

        Response moved = api().put("/api/v1/users/" + id(MANAGER) + "/manager",
                managerBody(id(OTHER_TEAMS_MANAGER)));

        assertThat(moved.status()).isEqualTo(200);
        try {
            assertThat(as(OTHER_TEAMS_MANAGER).get("/api/v1/leads/" + id).status()).isEqualTo(200);
            assertThat(as(MANAGERS_MANAGER).get("/api/v1/leads/" + id).status()).isEqualTo(404);
        } finally {
            assertThat(api().put("/api/v1/users/" + id(MANAGER) + "/manager", managerBody(id(MANAGERS_MANAGER)))
                    .status()).isEqualTo(200);
        }
        assertThat(as(OTHER_TEAMS_MANAGER).get("/api/v1/leads/" + id).status()).isEqualTo(404);
    }

    private Response send(HttpApi api, String id, String change, String... headers) {
        String path = "/api/v1/leads/" + id;
        return switch (change) {
            case "update" -> api.patch(path, "{\"city\": \"Annecy\"}", headers);
            case "assign" -> api.put(path + "/owner", owner(id(OWNER)), headers);
            case "disqualify" -> api.post(path + "/disqualify", "{\"reason\": \"NO_BUDGET\"}", headers);
            case "convert" -> api.post(path + "/convert", "{}", headers);
            default -> api.post(path + "/" + change, null, headers);
        };
    }

    private String leadOwnedByOwner() {
        return created(api().post("/api/v1/leads", capture(id(OWNER))));
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
