package io.relais.opportunity;

import io.relais.support.AccessMatrix;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static io.relais.support.AccessMatrix.Relationship.OWNER;
import static io.relais.support.AccessMatrix.Relationship.PEER_REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read, list and change a deal, for every relationship to its owner: each cell of the matrix is
 * asserted. To whoever may not see the deal, every write answers as on a deal that does not exist, whatever
 * If-Match says.
 */
class OpportunityAccessMatrixTest extends AccessMatrix {

    private String account;
    private String deal;

    @BeforeAll
    void accountAndDeal() {
        account = created(as(OWNER).post("/api/v1/accounts", "{\"legalName\": \"Société " + tag + "\"}"));
        // the only deal named after the tag, so that a list filtered on it shows this deal or nothing
        deal = dealOfOwner(tag);
    }

    @ParameterizedTest(name = "{0} reads")
    @EnumSource(Relationship.class)
    void read(Relationship relationship) {
        assertRead(as(relationship).get("/api/v1/opportunities/" + deal), onTheOwnersRecord(relationship));
    }

    @ParameterizedTest(name = "{0} lists")
    @EnumSource(Relationship.class)
    void list(Relationship relationship) {
        assertListed(as(relationship).get("/api/v1/opportunities?size=200&q=" + tag), onTheOwnersRecord(relationship),
                deal);
    }

    @ParameterizedTest(name = "{0} moves it to another stage")
    @EnumSource(Relationship.class)
    void changeStage(Relationship relationship) {
        String fresh = dealOfOwner("Contrat");
        long before = storedEvents();

        Response moved = as(relationship).put("/api/v1/opportunities/" + fresh + "/stage", "{\"stage\": \"PROPOSAL\"}");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(onTheOwnersRecord(relationship).change());
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
        return cells(relationship -> onTheOwnersRecord(relationship) == NONE, List.of("details", "stage", "amount",
                "close-date", "add-line", "remove-line", "owner", "close-won", "close-lost", "reopen"));
    }

    @ParameterizedTest(name = "{0}: {1}, whatever If-Match says")
    @MethodSource("writesOnAHiddenDeal")
    void writeOnAHiddenDeal(Relationship relationship, String write) {
        String fresh = dealOfOwner("Contrat");
        // changed once, so that a stale version exists
        assertThat(as(OWNER).put("/api/v1/opportunities/" + fresh + "/stage", "{\"stage\": \"PROPOSAL\"}")
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
                case "owner" -> api.put(path + "/owner", "{\"ownerId\": \"" + id(PEER_REP) + "\"}", headers);
                case "close-lost" -> api.post(path + "/close-lost", "{\"reason\": \"PRICE\"}", headers);
                case "reopen" -> api.post(path + "/reopen", "{\"stage\": \"QUALIFICATION\"}", headers);
                default -> api.post(path + "/" + write, null, headers);
            };
        });
    }

    private String dealOfOwner(String name) {
        return created(as(OWNER).post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": \""
                + name + "\", \"currency\": \"EUR\", \"amount\": 1000, \"expectedCloseDate\": \""
                + LocalDate.now(ZoneOffset.UTC).plusMonths(1) + "\"}"));
    }

}
