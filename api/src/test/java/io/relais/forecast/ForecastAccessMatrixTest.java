package io.relais.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.activity.ActivityProjection;
import io.relais.support.AccessMatrix;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.relais.support.AccessMatrix.Relationship.MANAGER;
import static io.relais.support.AccessMatrix.Relationship.OTHER_TEAMS_MANAGER;
import static io.relais.support.AccessMatrix.Relationship.OWNER;
import static io.relais.support.AccessMatrix.Relationship.PEER_REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which figures of a team (forecast, funnel, dashboard) and who may set exchange rates and targets,
 * for every relationship: each cell of the matrix is asserted. The team looked at is the manager's: each of its
 * three members has one open deal of their own, idle for ten days, and the amounts tell whose figures a line holds.
 * The other team's manager, who sees none of the team's deals, cannot move their figures: such a write answers as
 * on a deal that does not exist, whatever If-Match says.
 */
class ForecastAccessMatrixTest extends AccessMatrix {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String YEAR = String.valueOf(TODAY.getYear());
    private static final String NEXT_YEAR = String.valueOf(TODAY.getYear() + 1);
    /** No other test sets or reads its rates. */
    private static final String CURRENCY = "SEK";

    /** The manager's team: each member's own open deal and its amount, by member id. */
    private final Map<String, String> deals = new LinkedHashMap<>();
    private final Map<String, String> amounts = new LinkedHashMap<>();

    @BeforeAll
    void deals() {
        idleDeal(user(MANAGER), "30");
        idleDeal(user(OWNER), "1000");
        idleDeal(user(PEER_REP), "200");
        // renamed, so that the owner's deal has a stale version to send in If-Match
        assertThat(as(OWNER).put("/api/v1/opportunities/" + deals.get(id(OWNER)) + "/details",
                "{\"name\": \"Contrat renouvelé\"}").status()).isEqualTo(200);
        awaitCaughtUp(processor(ActivityProjection.PROCESSING_GROUP));
    }

    @ParameterizedTest(name = "{0} reads the manager's forecast")
    @EnumSource(Relationship.class)
    void forecast(Relationship relationship) {
        Response forecast = as(relationship).get("/api/v1/forecasts/" + id(MANAGER) + "?period=" + YEAR);

        assertThat(forecast.status()).as(forecast.toString()).isEqualTo(status(relationship));
        assertNotShownTruthfully(forecast);
        if (forecast.status() == 200) {
            assertThat(forecast.body().get("team").get("pipeline").decimalValue()).isEqualByComparingTo("1230");
            assertThat(ownFigures(forecast.body().get("lines"), "pipeline")).isEqualTo(ownAmounts(relationship));
        }
    }

    @ParameterizedTest(name = "{0} reads the manager's funnel")
    @EnumSource(Relationship.class)
    void funnel(Relationship relationship) {
        Response funnel = as(relationship).get("/api/v1/forecasts/" + id(MANAGER) + "/funnel?period=" + YEAR);

        assertThat(funnel.status()).as(funnel.toString()).isEqualTo(status(relationship));
        assertNotShownTruthfully(funnel);
        if (funnel.status() == 200) {
            assertThat(funnel.body().get("userId").asText()).isEqualTo(id(MANAGER));
        }
    }

    @ParameterizedTest(name = "{0} reads the manager's dashboard")
    @EnumSource(Relationship.class)
    void dashboard(Relationship relationship) {
        Response dashboard = as(relationship).get("/api/v1/dashboards/" + id(MANAGER) + "?period=" + YEAR
                + "&staleDays=5");

        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(status(relationship));
        assertNotShownTruthfully(dashboard);
        if (dashboard.status() == 200) {
            JsonNode board = dashboard.body();
            assertThat(board.get("team").get("pipeline").decimalValue()).isEqualByComparingTo("1230");
            assertThat(board.get("team").get("staleDeals").asInt()).isEqualTo(3);
            assertThat(ownFigures(board.get("members"), "pipeline")).isEqualTo(ownAmounts(relationship));
            List<String> stale = new ArrayList<>();
            board.get("staleDeals").forEach(deal -> stale.add(deal.get("opportunityId").asText()));
            assertThat(stale).containsExactlyInAnyOrderElementsOf(visibleLines(relationship).stream()
                    .map(deals::get).toList());
        }
    }

    @ParameterizedTest(name = "{0} sets an exchange rate")
    @EnumSource(Relationship.class)
    void exchangeRate(Relationship relationship) {
        BigDecimal rate = BigDecimal.valueOf(90 + relationship.ordinal(), 3);
        long before = storedEvents();

        Response set = as(relationship).put("/api/v1/exchange-rates/" + CURRENCY + "/2020-01-01",
                "{\"rate\": " + rate + "}");

        int expected = switch (relationship) {
            case ADMINISTRATOR -> 200;
            case ANONYMOUS -> 401;
            default -> 403;
        };
        assertThat(set.status()).as(set.toString()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(set.body().get("rates").get(0).get("rate").decimalValue()).isEqualByComparingTo(rate);
        } else {
            assertThat(storedEvents()).isEqualTo(before);
        }
        if (expected == 403) {
            assertThat(set.body().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
            assertThat(set.body().get("detail").asText()).isEqualTo("Only administrators set exchange rates");
        }
    }

    @ParameterizedTest(name = "{0} sets the owner's target")
    @EnumSource(Relationship.class)
    void target(Relationship relationship) {
        BigDecimal amount = BigDecimal.valueOf(100_000 + 1_000 * relationship.ordinal());
        long before = storedEvents();

        Response set = as(relationship).put("/api/v1/targets/" + id(OWNER) + "/" + NEXT_YEAR,
                "{\"amount\": " + amount + "}");

        int expected = switch (relationship) {
            case MANAGER, MANAGERS_MANAGER, ADMINISTRATOR -> 200;
            case ANONYMOUS -> 401;
            default -> 403;
        };
        assertThat(set.status()).as(set.toString()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(set.body().get("userId").asText()).isEqualTo(id(OWNER));
            assertThat(set.body().get("amount").decimalValue()).isEqualByComparingTo(amount);
        } else {
            assertThat(storedEvents()).isEqualTo(before);
        }
        if (expected == 403) {
            assertThat(set.body().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
        }
    }

    @ParameterizedTest(name = "the other team's manager sets the owner's deal's {0}, whatever If-Match says")
    @CsvSource(delimiter = '|', value = {
            "stage      | {\"stage\": \"NEGOTIATION\"}",
            "amount     | {\"amount\": 5}",
            "close-date | {\"expectedCloseDate\": \"2099-06-30\"}"})
    void figuresOfTheTeamsDeals(String figure, String body) {
        assertAnswersAsMissing("/api/v1/opportunities/" + deals.get(id(OWNER)), (id, headers) ->
                as(OTHER_TEAMS_MANAGER).put("/api/v1/opportunities/" + id + "/" + figure, body, headers));
    }

    /**
     * A 404 for figures the caller may not see says so, without claiming that the user (whom anyone signed in
     * may look up) does not exist.
     */
    private void assertNotShownTruthfully(Response response) {
        if (response.status() == 404) {
            assertThat(response.body().get("type").asText()).isEqualTo("urn:relais:problem:not-found");
            assertThat(response.body().get("detail").asText()).startsWith("No figures of the team of " + id(MANAGER)
                    + " are shown to you");
            assertThat(as(OTHER_TEAMS_MANAGER).get("/api/v1/users/" + id(MANAGER)).status())
                    .isEqualTo(200);
        }
    }

    /** Of the manager's team figures: 200 to its members, those above and profiles that see everything. */
    private static int status(Relationship relationship) {
        return switch (relationship) {
            case OTHER_TEAMS_MANAGER -> 404;
            case ANONYMOUS -> 401;
            default -> 200;
        };
    }

    /** The members whose own line the relationship sees: a rep their own only, the others the whole team. */
    private List<String> visibleLines(Relationship relationship) {
        return switch (relationship) {
            case OWNER -> List.of(id(OWNER));
            case PEER_REP -> List.of(id(PEER_REP));
            case MANAGER, MANAGERS_MANAGER, AUDITOR, ANALYST, DATA_STEWARD, ADMINISTRATOR ->
                    List.of(id(MANAGER), id(OWNER), id(PEER_REP));
            case OTHER_TEAMS_MANAGER, ANONYMOUS -> throw new IllegalArgumentException(relationship + " sees no line");
        };
    }

    private Map<String, String> ownAmounts(Relationship relationship) {
        Map<String, String> expected = new LinkedHashMap<>();
        visibleLines(relationship).forEach(member -> expected.put(member, amounts.get(member)));
        return expected;
    }

    /** Each line's user id and one of its own figures, written as 1000 whatever its scale. */
    private static Map<String, String> ownFigures(JsonNode lines, String figure) {
        Map<String, String> figures = new LinkedHashMap<>();
        lines.forEach(line -> figures.put(line.get("userId").asText(),
                line.get("own").get(figure).decimalValue().stripTrailingZeros().toPlainString()));
        return figures;
    }

    /** An open deal of the member's, closing this year, whose last activity was ten days ago. */
    private void idleDeal(TestUser member, String amount) {
        String account = created(member.api().post("/api/v1/accounts", "{\"legalName\": \"Société " + tag + " "
                + member.id() + "\"}"));
        String deal = created(member.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", "
                + "\"name\": \"Contrat\", \"currency\": \"EUR\", \"amount\": " + amount + ", \"expectedCloseDate\": \""
                + TODAY + "\"}"));
        created(member.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Relance\", "
                + "\"opportunityId\": \"" + deal + "\", \"occurredAt\": \"" + Instant.now().minus(10, ChronoUnit.DAYS)
                + "\"}"));
        deals.put(member.id(), deal);
        amounts.put(member.id(), amount);
    }

}
