package io.relais.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.organisation.TestOrganisation;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manager dashboards over HTTP against hand-computed figures. The team, for the current year:
 * <pre>
 *   director
 *   +-- manager
 *   |   +-- rep1: account with phone and website, a contact with first and last name;
 *   |   |         D1 1,000 EUR negotiation (80 %), last call 10 days ago; D2 2,000 EUR won
 *   |   +-- rep2: D3 500 EUR proposal (50 %), a call today; D4 300 EUR lost
 *   +-- rep3:     D5 1,000 USD (rate 0.9) prospecting (10 %); a task due an hour ago
 * </pre>
 */
class DashboardApiTest extends ApiTestSupport {

    private static final String YEAR = String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear());
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aManagerSeesTheTeamsPipelineResultsActivityDataQualityAndUsage() {
        Team team = team();
        awaitCaughtUp(processor(UsageProjection.PROCESSING_GROUP));

        JsonNode board = team.director().api().get(dashboard(team.director()) + "&staleDays=5").body();
        JsonNode figures = board.get("team");
        assertThat(figures.get("openDeals").asInt()).isEqualTo(3);
        assertThat(figures.get("pipeline").decimalValue()).isEqualByComparingTo("2400");
        assertThat(figures.get("weightedPipeline").decimalValue()).isEqualByComparingTo("1140");
        assertThat(figures.get("won").asInt()).isEqualTo(1);
        assertThat(figures.get("lost").asInt()).isEqualTo(1);
        assertThat(figures.get("winRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(figures.get("wonAmount").decimalValue()).isEqualByComparingTo("2000");
        assertThat(figures.get("averageDealSize").decimalValue()).isEqualByComparingTo("2000");
        assertThat(figures.get("averageCycleDays").decimalValue()).isEqualByComparingTo("0");
        assertThat(figures.get("activities").get("CALL").asInt()).isEqualTo(2);
        assertThat(figures.get("overdueTasks").asInt()).isEqualTo(1);
        assertThat(figures.get("staleDeals").asInt()).isEqualTo(1);
        assertThat(board.get("staleDeals")).hasSize(1);
        assertThat(board.get("staleDeals").get(0).get("opportunityId").asText()).isEqualTo(team.staleDeal());

        List<String> stages = new ArrayList<>();
        board.get("pipelineByStage").forEach(stage -> stages.add(stage.get("stage").asText() + " "
                + stage.get("deals").asInt() + " " + stage.get("amount").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(stages).containsExactly("PROSPECTING 1 900", "QUALIFICATION 0 0", "PROPOSAL 1 500",
                "NEGOTIATION 1 1000");

        JsonNode rep1 = member(board, team.rep1().id()).get("own");
        assertThat(rep1.get("dataQuality").get("accounts").get("records").asInt()).isEqualTo(1);
        assertThat(rep1.get("dataQuality").get("accounts").get("share").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(rep1.get("dataQuality").get("contacts").get("share").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(rep1.get("dataQuality").get("deals").get("share").decimalValue()).isEqualByComparingTo("0.25");
        JsonNode thisWeek = rep1.get("usage").get(rep1.get("usage").size() - 1);
        assertThat(rep1.get("usage")).hasSize(4);
        assertThat(thisWeek.get("recordsCreated").asInt()).isEqualTo(4);
        assertThat(thisWeek.get("recordsUpdated").asInt()).isEqualTo(2);
        assertThat(thisWeek.get("activitiesLogged").asInt()).isEqualTo(1);
        JsonNode managerTeam = member(board, team.manager().id()).get("team");
        assertThat(managerTeam.get("winRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(managerTeam.get("pipeline").decimalValue()).isEqualByComparingTo("1500");
        assertThat(member(board, team.rep3().id()).get("own").get("overdueTasks").asInt()).isEqualTo(1);
    }

    @Test
    void eachMembersLineAndStaleDealsAreShownOnlyToThemAndThoseAbove() {
        Team team = team();

        JsonNode seenByRep1 = team.rep1().api().get(dashboard(team.director()) + "&staleDays=5").body();
        assertThat(memberIds(seenByRep1)).containsExactly(team.rep1().id());
        assertThat(seenByRep1.get("team").get("pipeline").decimalValue()).isEqualByComparingTo("2400");
        assertThat(seenByRep1.get("staleDeals")).hasSize(1);
        JsonNode seenByRep2 = team.rep2().api().get(dashboard(team.director()) + "&staleDays=5").body();
        assertThat(seenByRep2.get("team").get("staleDeals").asInt()).isEqualTo(1);
        assertThat(seenByRep2.get("staleDeals")).isEmpty();
        assertThat(memberIds(team.manager().api().get(dashboard(team.director())).body()))
                .containsExactly(team.manager().id(), team.rep1().id(), team.rep2().id());
        assertThat(memberIds(team.director().api().get(dashboard(team.director())).body())).hasSize(5);
        assertThat(team.rep2().api().get(dashboard(team.rep1())).status()).isEqualTo(404);
        assertThat(team.rep3().api().get(dashboard(team.manager())).status()).isEqualTo(404);
        assertThat(user("auditor", Profile.AUDITOR).api().get(dashboard(team.director())).body().get("members"))
                .hasSize(5);
    }

    @Test
    void staleDealsAreListedIdleTheLongestFirst() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String account = account(rep);
        List<String> idle = new ArrayList<>();
        for (int days : new int[]{20, 30, 10}) {
            String deal = deal(rep, account, "EUR", "100");
            assertThat(rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Relance\", "
                    + "\"opportunityId\": \"" + deal + "\", \"occurredAt\": \"" + Instant.now().minus(days,
                    ChronoUnit.DAYS) + "\"}").status()).isEqualTo(201);
            idle.add(deal);
        }
        deal(rep, account, "EUR", "100");
        awaitSettled();

        JsonNode board = rep.api().get(dashboard(rep) + "&staleDays=5").body();

        assertThat(board.get("team").get("staleDeals").asInt()).isEqualTo(3);
        List<String> listed = new ArrayList<>();
        board.get("staleDeals").forEach(deal -> listed.add(deal.get("opportunityId").asText()));
        assertThat(listed).containsExactly(idle.get(1), idle.get(0), idle.get(2));
    }

    @Test
    void aStaleDealLeavesTheListWhenClosedAndComesBackReopenedWithItsNewOwner() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        String deal = deal(rep, account(rep), "EUR", "100");
        assertThat(rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Relance\", "
                + "\"opportunityId\": \"" + deal + "\", \"occurredAt\": \"" + Instant.now().minus(20, ChronoUnit.DAYS)
                + "\"}").status()).isEqualTo(201);
        awaitSettled();
        assertThat(staleDeals(rep)).containsExactly(deal);

        assertThat(rep.api().post("/api/v1/opportunities/" + deal + "/close-lost", "{\"reason\": \"PRICE\"}")
                .status()).isEqualTo(200);
        awaitSettled();
        assertThat(staleDeals(rep)).isEmpty();

        assertThat(api().put("/api/v1/opportunities/" + deal + "/owner", "{\"ownerId\": \"" + peer.id() + "\"}")
                .status()).isEqualTo(200);
        assertThat(peer.api().post("/api/v1/opportunities/" + deal + "/reopen", "{\"stage\": \"PROPOSAL\"}")
                .status()).isEqualTo(200);
        awaitSettled();
        assertThat(staleDeals(rep)).isEmpty();
        assertThat(staleDeals(peer)).containsExactly(deal);
        assertThat(peer.api().get(dashboard(peer) + "&staleDays=5").body().get("team").get("staleDeals").asInt())
                .isEqualTo(1);
    }

    private List<String> staleDeals(TestUser owner) {
        List<String> listed = new ArrayList<>();
        owner.api().get(dashboard(owner) + "&staleDays=5").body().get("staleDeals")
                .forEach(deal -> listed.add(deal.get("opportunityId").asText()));
        return listed;
    }

    @Test
    void badDashboardRequestsAreRefusedWithTheParameterAtFault() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String base = "/api/v1/dashboards/" + rep.id();
        assertProblem(rep.api().get(base + "?weeks=0"), "weeks");
        assertProblem(rep.api().get(base + "?weeks=53"), "weeks");
        assertProblem(rep.api().get(base + "?staleDays=0"), "staleDays");
        assertProblem(rep.api().get(base + "?staleDays=x"), "staleDays");
        Response period = rep.api().get(base + "?period=2026-Q9");
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.body().get("field").asText()).isEqualTo("period");
        JsonNode defaults = rep.api().get(base).body();
        assertThat(defaults.get("period").asText()).isEqualTo(TODAY.getYear() + "-Q" + ((TODAY.getMonthValue() - 1) / 3 + 1));
        assertThat(defaults.get("staleDays").asInt()).isEqualTo(30);
        assertThat(defaults.get("team").get("usage")).hasSize(4);
    }

    private record Team(TestUser director, TestUser manager, TestUser rep1, TestUser rep2, TestUser rep3,
                        String staleDeal) {
    }

    private Team team() {
        Map<String, TestUser> team = register(TestOrganisation.twoLevelTeam());
        TestUser director = team.get(TestOrganisation.DIRECTOR);
        TestUser manager = team.get(TestOrganisation.MANAGER);
        TestUser rep1 = team.get("rep-1");
        TestUser rep2 = team.get("rep-2");
        TestUser rep3 = team.get("rep-3");
        assertThat(api().put("/api/v1/exchange-rates/USD/2020-01-01", "{\"rate\": 0.9}").status()).isEqualTo(200);

        String account1 = created(rep1.api().post("/api/v1/accounts", "{\"legalName\": \"Société " + unique()
                + "\", \"phone\": \"+33 4 72 00 00 00\", \"website\": \"https://example.fr\"}"));
        assertThat(rep1.api().post("/api/v1/accounts/" + account1 + "/contacts", "{\"firstName\": \"Anne\", "
                + "\"lastName\": \"Morel\"}").status()).isEqualTo(201);
        String d1 = deal(rep1, account1, "EUR", "1000");
        stage(rep1, d1, "NEGOTIATION");
        String d2 = deal(rep1, account1, "EUR", "2000");
        assertThat(rep1.api().post("/api/v1/opportunities/" + d2 + "/close-won", null).status()).isEqualTo(200);
        assertThat(rep1.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Relance\", "
                + "\"opportunityId\": \"" + d1 + "\", \"occurredAt\": \"" + Instant.now().minus(10, ChronoUnit.DAYS)
                + "\"}").status()).isEqualTo(201);

        String account2 = account(rep2);
        String d3 = deal(rep2, account2, "EUR", "500");
        stage(rep2, d3, "PROPOSAL");
        assertThat(rep2.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Point\", "
                + "\"opportunityId\": \"" + d3 + "\"}").status()).isEqualTo(201);
        String d4 = deal(rep2, account2, "EUR", "300");
        assertThat(rep2.api().post("/api/v1/opportunities/" + d4 + "/close-lost", "{\"reason\": \"PRICE\"}").status())
                .isEqualTo(200);

        String account3 = account(rep3);
        deal(rep3, account3, "USD", "1000");
        assertThat(rep3.api().post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": \"Devis\", "
                + "\"accountId\": \"" + account3 + "\", \"dueAt\": \"" + Instant.now().minus(1, ChronoUnit.HOURS)
                + "\"}").status()).isEqualTo(201);
        return new Team(director, manager, rep1, rep2, rep3, d1);
    }

    private static String dashboard(TestUser user) {
        return "/api/v1/dashboards/" + user.id() + "?period=" + YEAR;
    }

    private static JsonNode member(JsonNode board, String userId) {
        for (JsonNode member : board.get("members")) {
            if (member.get("userId").asText().equals(userId)) {
                return member;
            }
        }
        throw new AssertionError("No line of " + userId + " in " + board);
    }

    private static List<String> memberIds(JsonNode board) {
        List<String> ids = new ArrayList<>();
        board.get("members").forEach(member -> ids.add(member.get("userId").asText()));
        return ids;
    }

    private static void assertProblem(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("field").asText()).isEqualTo(field);
    }

    private static void stage(TestUser owner, String deal, String stage) {
        Response moved = owner.api().put("/api/v1/opportunities/" + deal + "/stage", "{\"stage\": \"" + stage + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private static String deal(TestUser owner, String account, String currency, String amount) {
        return created(owner.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Contrat\", \"currency\": \"" + currency + "\", \"amount\": " + amount + ", \"expectedCloseDate\": \""
                + TODAY + "\"}"));
    }

    private static String account(TestUser owner) {
        return created(owner.api().post("/api/v1/accounts", "{\"legalName\": \"Société " + unique() + "\"}"));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
