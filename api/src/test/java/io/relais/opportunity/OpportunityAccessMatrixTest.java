package io.relais.opportunity;

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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read, list and change a deal, for every relationship to its owner: each cell of the matrix is
 * asserted. The organisation: director > manager > {owner, peer}; another team's manager; an auditor, an
 * analyst, a data steward and the administrator; and an anonymous caller. To whoever may not see the deal, every
 * write answers as on a deal that does not exist, whatever If-Match says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpportunityAccessMatrixTest extends ApiTestSupport {

    enum Relationship {
        OWNER, MANAGER, MANAGERS_MANAGER, PEER_REP, OTHER_TEAMS_MANAGER, AUDITOR, ANALYST, DATA_STEWARD, ADMINISTRATOR,
        ANONYMOUS
    }

    /** What each relationship gets: the status of a read, whether the list shows the deal, the status of a change. */
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
    private String account;
    private String deal;

    @BeforeAll
    void organisationAndDeal() {
        director = user("director", Profile.SALES_MANAGER);
        manager = user("manager", Profile.SALES_MANAGER, director);
        owner = user("owner", Profile.SALES_REP, manager);
        peer = user("peer", Profile.SALES_REP, manager);
        otherManager = user("other-manager", Profile.SALES_MANAGER);
        auditor = user("auditor", Profile.AUDITOR);
        analyst = user("analyst", Profile.ANALYST);
        steward = user("steward", Profile.DATA_STEWARD);
        account = created(owner.api().post("/api/v1/accounts", "{\"legalName\": \"Société " + tag + "\"}"));
        // the only deal named after the tag, so that a list filtered on it shows this deal or nothing
        deal = dealOfOwner(tag);
    }

    @ParameterizedTest(name = "{0} reads")
    @EnumSource(Relationship.class)
    void read(Relationship relationship) {
        Response read = as(relationship).get("/api/v1/opportunities/" + deal);

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
        Response list = as(relationship).get("/api/v1/opportunities?size=200&q=" + tag);

        if (relationship == Relationship.ANONYMOUS) {
            assertThat(list.status()).isEqualTo(401);
            return;
        }
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).isEqualTo(rights(relationship).listed() ? List.of(deal) : List.of());
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(ids.size());
    }

    @ParameterizedTest(name = "{0} moves it to another stage")
    @EnumSource(Relationship.class)
    void changeStage(Relationship relationship) {
        String fresh = dealOfOwner("Contrat");
        long before = storedEvents();

        Response moved = as(relationship).put("/api/v1/opportunities/" + fresh + "/stage", "{\"stage\": \"PROPOSAL\"}");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(rights(relationship).change());
        if (moved.status() == 200) {
            assertThat(moved.body().get("stage").get("name").asText()).isEqualTo("PROPOSAL");
            assertThat(storedEvents()).isEqualTo(before + 1);
        } else {
            assertThat(storedEvents()).isEqualTo(before);
        }
        if (moved.status() == 403) {
            assertThat(moved.body().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
        }
    }

    /** Every write that takes If-Match, by each relationship that sees nothing. */
    Stream<Arguments> writesOnAHiddenDeal() {
        List<Arguments> cells = new ArrayList<>();
        for (Relationship relationship : Relationship.values()) {
            if (rights(relationship) == NONE) {
                for (String write : List.of("details", "stage", "amount", "close-date", "add-line", "remove-line",
                        "owner", "close-won", "close-lost", "reopen")) {
                    cells.add(Arguments.of(relationship, write));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}: {1}, whatever If-Match says")
    @MethodSource("writesOnAHiddenDeal")
    void writeOnAHiddenDeal(Relationship relationship, String write) {
        String fresh = dealOfOwner("Contrat");
        // changed once, so that a stale version exists
        assertThat(owner.api().put("/api/v1/opportunities/" + fresh + "/stage", "{\"stage\": \"PROPOSAL\"}")
                .status()).isEqualTo(200);

        assertAnswersAsMissing("/api/v1/opportunities/" + fresh, (id, headers) -> {
            HttpApi api = as(relationship);
            String path = "/api/v1/opportunities/" + id;
            return switch (write) {
                case "details" -> api.put(path + "/details", "{\"name\": \"Renommé\"}", headers);
                case "stage" -> api.put(path + "/stage", "{\"stage\": \"NEGOTIATION\"}", headers);
                case "amount" -> api.put(path + "/amount", "{\"amount\": 2000}", headers);
                case "close-date" -> api.put(path + "/close-date", "{\"expectedCloseDate\": \""
                        + LocalDate.now(ZoneOffset.UTC).plusMonths(2) + "\"}", headers);
                case "add-line" -> api.post(path + "/line-items", "{\"productId\": \"product-1\", \"quantity\": 1}",
                        headers);
                case "remove-line" -> api.delete(path + "/line-items/line-1", headers);
                case "owner" -> api.put(path + "/owner", "{\"ownerId\": \"" + peer.id() + "\"}", headers);
                case "close-lost" -> api.post(path + "/close-lost", "{\"reason\": \"PRICE\"}", headers);
                case "reopen" -> api.post(path + "/reopen", "{\"stage\": \"QUALIFICATION\"}", headers);
                default -> api.post(path + "/" + write, null, headers);
            };
        });
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
            case OWNER -> owner.api();
            case MANAGER -> manager.api();
            case MANAGERS_MANAGER -> director.api();
            case PEER_REP -> peer.api();
            case OTHER_TEAMS_MANAGER -> otherManager.api();
            case AUDITOR -> auditor.api();
            case ANALYST -> analyst.api();
            case DATA_STEWARD -> steward.api();
            case ADMINISTRATOR -> api();
            case ANONYMOUS -> anonymous();
        };
    }

    private String dealOfOwner(String name) {
        return created(owner.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": \""
                + name + "\", \"currency\": \"EUR\", \"amount\": 1000, \"expectedCloseDate\": \""
                + LocalDate.now(ZoneOffset.UTC).plusMonths(1) + "\"}"));
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }
}
