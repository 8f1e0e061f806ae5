package io.relais.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.organisation.TestOrganisation;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forecasts and funnels over HTTP against hand-computed figures. The team, for the current year:
 * <pre>
 *   director (target 8,000)
 *   +-- manager (target 10,000)
 *   |   +-- rep1: D1 1,000 EUR (10 × 100, cost 60) prospecting, then negotiation (80 %, commit)
 *   |   |         D2 2,000 USD (rate 0.9: 1,800 EUR) won; D7 9,999 EUR closing next year
 *   |   |         a meeting held
 *   |   +-- rep2: D3 500 EUR proposal (50 %, best case); D4 700 GBP (no rate: left out)
 *   +-- rep3:     D5 3,000 EUR qualification (20 %, pipeline); D6 400 EUR qualification, then lost
 *                 a meeting booked
 * </pre>
 */
class ForecastApiTest extends ApiTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String YEAR = String.valueOf(TODAY.getYear());

    @Test
    void aForecastRollsTheTeamUpAndShowsEachMembersLineOnlyToThemAndThoseAbove() {
        Team team = team();
        Instant beforeChanges = team.history();

        JsonNode director = team.director().api().get(forecast(team.director())).body();
        assertThat(director.get("currency").asText()).isEqualTo("EUR");
        assertFigures(director.get("team"), "1800", "1000", "500", "3000", "1650", "0", "320", 1, 3, 3);
        assertThat(director.get("target").decimalValue()).isEqualByComparingTo("8000");
        assertThat(director.get("unconverted").get(0).get("currency").asText()).isEqualTo("GBP");
        assertThat(director.get("unconverted").get(0).get("deals").asInt()).isEqualTo(1);
        assertThat(director.get("rates").get(0).get("currency").asText()).isEqualTo("USD");
        assertThat(lineIds(director)).containsExactly(team.director().id(), team.manager().id(), team.rep3().id(),
                team.rep1().id(), team.rep2().id());
        JsonNode managerLine = line(director, team.manager().id());
        assertFigures(managerLine.get("own"), "0", "0", "0", "0", "0", "0", "0", 0, 0, 0);
        assertFigures(managerLine.get("team"), "1800", "1000", "500", "0", "1050", "0", "320", 1, 2, 2);
        assertThat(managerLine.get("target").decimalValue()).isEqualByComparingTo("10000");
        assertFigures(line(director, team.rep1().id()).get("own"), "1800", "1000", "0", "0", "800", "0", "320", 1, 1, 1);

        JsonNode seenByRep = team.rep1().api().get(forecast(team.director())).body();
        assertFigures(seenByRep.get("team"), "1800", "1000", "500", "3000", "1650", "0", "320", 1, 3, 3);
        assertThat(lineIds(seenByRep)).containsExactly(team.rep1().id());
        assertThat(lineIds(team.manager().api().get(forecast(team.director())).body()))
                .containsExactly(team.manager().id(), team.rep1().id(), team.rep2().id());
        assertThat(lineIds(team.rep2().api().get(forecast(team.manager())).body())).containsExactly(team.rep2().id());
        assertThat(team.rep1().api().get(forecast(team.rep2())).status()).isEqualTo(404);
        assertThat(team.rep3().api().get(forecast(team.manager())).status()).isEqualTo(404);
        TestUser outsider = user("outsider", Profile.SALES_REP);
        Response hidden = outsider.api().get(forecast(team.director()));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().get("type").asText()).isEqualTo("urn:relais:problem:not-found");
        assertThat(lineIds(user("analyst", Profile.ANALYST).api().get(forecast(team.director())).body())).hasSize(5);

        JsonNode before = team.director().api().get(forecast(team.director()) + "&asOf=" + beforeChanges).body();
        assertFigures(before.get("team"), "0", "0", "0", "6700", "670", "0", "40", 0, 5, 4);
        assertThat(before.get("asOf").asText()).isEqualTo(beforeChanges.toString());
    }

    /**
     * As the deals stand, the figures come from the deals' totals and current rows; once a deal has changed since,
     * from their versions in force then: both must give the same answer.
     */
    @Test
    void theFiguresReadAsTheDealsStandAreThoseReadLaterAsOfThatMoment() {
        Team team = team();
        awaitSettled();
        String funnel = "/api/v1/forecasts/" + team.director().id() + "/funnel?period=" + YEAR;
        JsonNode forecastNow = team.director().api().get(forecast(team.director())).body();
        String asOf = forecastNow.get("asOf").asText();
        JsonNode funnelNow = team.director().api().get(funnel + "&asOf=" + asOf).body();

        deal(team.rep3(), account(team.rep3()), "EUR", "5000", TODAY);
        awaitSettled();

        assertThat(team.director().api().get(forecast(team.director())).body().get("team").get("pipeline")
                .decimalValue()).as("the deal opened since, now counted").isEqualByComparingTo("8000");
        assertThat(team.director().api().get(forecast(team.director()) + "&asOf=" + asOf).body())
                .isEqualTo(forecastNow);
        assertThat(team.director().api().get(funnel + "&asOf=" + asOf).body()).isEqualTo(funnelNow);
    }

    @Test
    void theFunnelShowsTheRatesAndCountsItLearntAndWhatTheyProject() {
        Team team = team();

        JsonNode funnel = team.director().api().get("/api/v1/forecasts/" + team.director().id() + "/funnel?period="
                + YEAR).body();
        JsonNode stages = funnel.get("stages");
        assertStage(stages.get(0), "PROSPECTING", 2, 1, "0.5", "1", "history", 0, "0", "0");
        assertStage(stages.get(1), "QUALIFICATION", 2, 1, "0.5", "0.5", "history", 1, "3000", "1500");
        assertStage(stages.get(2), "PROPOSAL", 1, 1, "1", "1", "history", 1, "500", "500");
        assertStage(stages.get(3), "NEGOTIATION", 1, 1, "1", "1", "history", 1, "1000", "1000");
        JsonNode meetings = funnel.get("meetings");
        assertThat(meetings.get("held").asInt()).isEqualTo(1);
        assertThat(meetings.get("dealsWon").asInt()).isEqualTo(1);
        assertThat(meetings.get("wonPerMeeting").decimalValue()).isEqualByComparingTo("1");
        assertThat(meetings.get("averageWonAmount").decimalValue()).isEqualByComparingTo("1800");
        assertThat(meetings.get("booked").asInt()).isEqualTo(1);
        assertThat(meetings.get("expected").decimalValue()).isEqualByComparingTo("1800");
        assertThat(funnel.get("closedWon").decimalValue()).isEqualByComparingTo("1800");
        assertThat(funnel.get("expectedFromPipeline").decimalValue()).isEqualByComparingTo("3000");
        assertThat(funnel.get("projected").decimalValue()).isEqualByComparingTo("6600");
        assertThat(funnel.get("target").decimalValue()).isEqualByComparingTo("8000");
        // Reaching 8,000 needs the qualification deal (won half the time): without it the rest brings 5,100.
        assertThat(funnel.get("probabilityOfTarget").decimalValue()).isEqualByComparingTo("0.5");

        JsonNode rep3 = team.rep3().api().get("/api/v1/forecasts/" + team.rep3().id() + "/funnel?period=" + YEAR).body();
        assertStage(rep3.get("stages").get(0), "PROSPECTING", 1, 0, "0", "1", "history", 0, "0", "0");
        assertStage(rep3.get("stages").get(2), "PROPOSAL", 0, 0, "0.5", null, "configured", 0, "0", "0");
        assertThat(rep3.get("probabilityOfTarget").isNull()).isTrue();
        assertThat(team.rep3().api().get("/api/v1/forecasts/" + team.rep1().id() + "/funnel?period=" + YEAR).status())
                .isEqualTo(404);
    }

    @Test
    void badForecastRequestsAreRefusedWithTheParameterAtFault() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String base = "/api/v1/forecasts/" + rep.id();
        assertProblem(rep.api().get(base + "?period=2026-Q5"), 400, "invalid-period", "period");
        assertProblem(rep.api().get(base + "?period=2026-13"), 400, "invalid-period", "period");
        assertProblem(rep.api().get(base + "?period=" + YEAR + "&asOf=yesterday"), 400, "invalid-parameter", "asOf");
        assertProblem(rep.api().get(base + "?period=" + YEAR + "&asOf=" + Instant.now().plusSeconds(3600)), 400,
                "invalid-parameter", "asOf");
        assertProblem(rep.api().get(base + "/funnel?period=" + YEAR + "&months=0"), 400, "invalid-parameter", "months");
        assertThat(rep.api().get(base + "?period=2026-q3").body().get("period").asText()).isEqualTo("2026-Q3");
        assertThat(rep.api().get(base + "?period=2026-02").body().get("periodEnd").asText()).isEqualTo("2026-03-01");
    }

    @Test
    void ratesAreSetByAdministratorsAndTargetsByTheManagersAbove() {
        TestUser director = user("director", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, director);
        TestUser colleague = user("colleague", Profile.SALES_REP, director);

        Response set = api().put("/api/v1/exchange-rates/jpy/2026-01-01", "{\"rate\": 0.0061}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().get("currency").asText()).isEqualTo("JPY");
        Response corrected = api().put("/api/v1/exchange-rates/JPY/2026-01-01", "{\"rate\": 0.0062}");
        assertThat(corrected.body().get("rates")).hasSize(1);
        assertThat(corrected.body().get("rates").get(0).get("rate").decimalValue()).isEqualByComparingTo("0.0062");
        assertThat(corrected.body().get("rates").get(0).get("setBy").asText()).isEqualTo("admin");
        assertThat(rep.api().get("/api/v1/exchange-rates/JPY").body().get("version").asLong()).isEqualTo(1);
        assertProblem(rep.api().put("/api/v1/exchange-rates/JPY/2026-02-01", "{\"rate\": 1}"), 403, "forbidden",
                null);
        assertProblem(api().put("/api/v1/exchange-rates/EUR/2026-01-01", "{\"rate\": 1}"), 400, "reporting-currency",
                "currency");
        assertProblem(api().put("/api/v1/exchange-rates/XYZ/2026-01-01", "{\"rate\": 1}"), 400, "invalid-currency",
                "currency");
        assertProblem(api().put("/api/v1/exchange-rates/JPY/2026-01-01", "{\"rate\": 0}"), 400, "invalid-rate", "rate");
        assertProblem(api().put("/api/v1/exchange-rates/JPY/2026-01-01", "{}"), 400, "invalid-rate", "rate");
        assertProblem(api().put("/api/v1/exchange-rates/JPY/someday", "{\"rate\": 1}"), 400, "invalid-parameter",
                "validFrom");
        assertThat(api().get("/api/v1/exchange-rates/CHF").status()).isEqualTo(404);

        Response target = director.api().put("/api/v1/targets/" + rep.id() + "/" + YEAR, "{\"amount\": 50000}");
        assertThat(target.status()).as(target.toString()).isEqualTo(200);
        assertThat(target.body().get("amount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(target.body().get("currency").asText()).isEqualTo("EUR");
        assertProblem(rep.api().put("/api/v1/targets/" + rep.id() + "/" + YEAR, "{\"amount\": 1}"), 403,
                "forbidden", null);
        assertProblem(rep.api().put("/api/v1/targets/" + colleague.id() + "/" + YEAR, "{\"amount\": 1}"), 403,
                "forbidden", null);
        assertProblem(director.api().put("/api/v1/targets/" + rep.id() + "/" + YEAR, "{\"amount\": -1}"), 400,
                "invalid-amount", "amount");
        assertProblem(director.api().put("/api/v1/targets/" + rep.id() + "/2026-Q0", "{\"amount\": 1}"), 400,
                "invalid-period", "period");
        assertProblem(api().put("/api/v1/targets/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/" + YEAR,
                "{\"amount\": 1}"), 400, "unknown-user", "userId");
        Response blankUser = api().put("/api/v1/targets/%20/" + YEAR, "{\"amount\": 1}");
        assertThat(blankUser.status()).as("a blank user id is refused, not a 500: " + blankUser).isEqualTo(400);
        assertThat(blankUser.body().get("field").asText()).isEqualTo("userId");
        assertThat(rep.api().get("/api/v1/targets/" + rep.id() + "/" + YEAR).status()).isEqualTo(200);
        assertThat(colleague.api().get("/api/v1/targets/" + rep.id() + "/" + YEAR).status()).isEqualTo(404);
        assertThat(director.api().get("/api/v1/targets?period=" + YEAR).body().get("content")).hasSize(1);
        assertThat(colleague.api().get("/api/v1/targets?period=" + YEAR).body().get("content")).isEmpty();

        assertThat(api().put("/api/v1/targets/" + director.id() + "/" + YEAR, "{\"amount\": 90000}").status())
                .isEqualTo(200);
        JsonNode seenByColleague = colleague.api().get("/api/v1/targets?period=" + YEAR).body().get("content");
        assertThat(seenByColleague).hasSize(1);
        assertThat(seenByColleague.get(0).get("userId").asText()).as("the team's target").isEqualTo(director.id());
        assertThat(user("outsider", Profile.SALES_REP).api().get("/api/v1/targets/" + director.id() + "/" + YEAR)
                .status()).isEqualTo(404);
    }

    @Test
    void ratesAndTargetsAreListedPageByPage() {
        TestUser director = user("director", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, director);
        // NOK: a currency no other test's deals are in, whose forecasts a rate would change
        for (String day : List.of("2025-03-01", "2025-01-01", "2025-02-01")) {
            assertThat(api().put("/api/v1/exchange-rates/NOK/" + day, "{\"rate\": 0.085}").status()).isEqualTo(200);
        }
        for (String quarter : List.of("Q3", "Q1", "Q2")) {
            assertThat(director.api().put("/api/v1/targets/" + rep.id() + "/" + YEAR + "-" + quarter,
                    "{\"amount\": 1000}").status()).isEqualTo(200);
        }

        List<String> rates = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || (long) page * 2 < total; page++) {
            JsonNode body = rep.api().get("/api/v1/exchange-rates?size=2&page=" + page).body();
            assertThat(body.get("content").size()).isLessThanOrEqualTo(2);
            total = body.get("totalElements").asLong();
            assertThat(body.get("totalPages").asLong()).isEqualTo((total + 1) / 2);
            body.get("content").forEach(rate -> rates.add(rate.get("currency").asText() + " "
                    + rate.get("validFrom").asText()));
        }
        assertThat(rates).hasSize((int) total).doesNotHaveDuplicates()
                .containsSubsequence("NOK 2025-01-01", "NOK 2025-02-01", "NOK 2025-03-01");

        JsonNode first = rep.api().get("/api/v1/targets?userId=" + rep.id() + "&size=2").body();
        assertThat(first.get("content")).extracting(target -> target.get("period").asText())
                .containsExactly(YEAR + "-Q1", YEAR + "-Q2");
        assertThat(first.get("totalElements").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(rep.api().get("/api/v1/targets?userId=" + rep.id() + "&size=2&page=1").body().get("content"))
                .extracting(target -> target.get("period").asText()).containsExactly(YEAR + "-Q3");
        assertProblem(rep.api().get("/api/v1/targets?size=0"), 400, "invalid-page-size", "size");
        assertProblem(rep.api().get("/api/v1/exchange-rates?page=-1"), 400, "invalid-page", "page");
    }

    private record Team(TestUser director, TestUser manager, TestUser rep1, TestUser rep2, TestUser rep3,
                        Instant history) {
    }

    /** Builds the team of the class comment; {@code history} is a moment when every deal was open in prospecting. */
    private Team team() {
        Map<String, TestUser> team = register(TestOrganisation.twoLevelTeam());
        TestUser director = team.get(TestOrganisation.DIRECTOR);
        TestUser manager = team.get(TestOrganisation.MANAGER);
        TestUser rep1 = team.get("rep-1");
        TestUser rep2 = team.get("rep-2");
        TestUser rep3 = team.get("rep-3");
        assertThat(api().put("/api/v1/exchange-rates/USD/2020-01-01", "{\"rate\": 0.9}").status()).isEqualTo(200);
        assertThat(api().put("/api/v1/targets/" + director.id() + "/" + YEAR, "{\"amount\": 8000}").status())
                .isEqualTo(200);
        assertThat(director.api().put("/api/v1/targets/" + manager.id() + "/" + YEAR, "{\"amount\": 10000}").status())
                .isEqualTo(200);

        String account1 = account(rep1);
        String d1 = deal(rep1, account1, "EUR", null, TODAY);
        String product = product();
        Response lined = rep1.api().post("/api/v1/opportunities/" + d1 + "/line-items", "{\"productId\": \"" + product
                + "\", \"quantity\": 10, \"unitCost\": 60}");
        assertThat(lined.status()).as(lined.toString()).isEqualTo(200);
        String d2 = deal(rep1, account1, "USD", "2000", TODAY);
        deal(rep1, account1, "EUR", "9999", TODAY.withDayOfYear(1).plusYears(1));
        String account2 = account(rep2);
        String d3 = deal(rep2, account2, "EUR", "500", TODAY);
        deal(rep2, account2, "GBP", "700", TODAY);
        String account3 = account(rep3);
        String d5 = deal(rep3, account3, "EUR", "3000", TODAY);
        String d6 = deal(rep3, account3, "EUR", "400", TODAY);
        // every change below happens at least a request later than this moment
        Instant history = Instant.now();

        stage(rep1, d1, "NEGOTIATION");
        assertThat(rep1.api().post("/api/v1/opportunities/" + d2 + "/close-won", null).status()).isEqualTo(200);
        stage(rep2, d3, "PROPOSAL");
        stage(rep3, d5, "QUALIFICATION");
        stage(rep3, d6, "QUALIFICATION");
        assertThat(rep3.api().post("/api/v1/opportunities/" + d6 + "/close-lost", "{\"reason\": \"COMPETITOR\"}")
                .status()).isEqualTo(200);

        Instant due = Instant.now().plusSeconds(60);
        String held = rep1.api().post("/api/v1/activities/schedule", "{\"kind\": \"MEETING\", \"subject\": \"Visite\", "
                + "\"accountId\": \"" + account1 + "\", \"dueAt\": \"" + due + "\"}").body().get("id").asText();
        assertThat(rep1.api().post("/api/v1/activities/" + held + "/complete", null).status()).isEqualTo(200);
        assertThat(rep3.api().post("/api/v1/activities/schedule", "{\"kind\": \"MEETING\", \"subject\": \"Découverte\", "
                + "\"accountId\": \"" + account3 + "\", \"dueAt\": \"" + due + "\"}").status()).isEqualTo(201);
        return new Team(director, manager, rep1, rep2, rep3, history);
    }

    private static String forecast(TestUser user) {
        return "/api/v1/forecasts/" + user.id() + "?period=" + YEAR;
    }

    private static void assertFigures(JsonNode figures, String closedWon, String commit, String bestCase,
                                      String pipeline, String weighted, String wonMargin, String weightedMargin,
                                      int wonDeals, int openDeals, int withoutCosts) {
        assertThat(figures.get("closedWon").decimalValue()).as("closedWon").isEqualByComparingTo(closedWon);
        assertThat(figures.get("commit").decimalValue()).as("commit").isEqualByComparingTo(commit);
        assertThat(figures.get("bestCase").decimalValue()).as("bestCase").isEqualByComparingTo(bestCase);
        assertThat(figures.get("pipeline").decimalValue()).as("pipeline").isEqualByComparingTo(pipeline);
        assertThat(figures.get("weightedPipeline").decimalValue()).as("weighted").isEqualByComparingTo(weighted);
        assertThat(figures.get("closedWonMargin").decimalValue()).as("wonMargin").isEqualByComparingTo(wonMargin);
        assertThat(figures.get("weightedMargin").decimalValue()).as("weightedMargin")
                .isEqualByComparingTo(weightedMargin);
        assertThat(figures.get("wonDeals").asInt()).as("wonDeals").isEqualTo(wonDeals);
        assertThat(figures.get("openDeals").asInt()).as("openDeals").isEqualTo(openDeals);
        assertThat(figures.get("dealsWithoutCosts").asInt()).as("withoutCosts").isEqualTo(withoutCosts);
    }

    private static void assertStage(JsonNode stage, String name, int reached, int won, String winRate, String toNext,
                                    String source, int openDeals, String openAmount, String expected) {
        assertThat(stage.get("stage").asText()).isEqualTo(name);
        assertThat(stage.get("reached").asInt()).as(name + " reached").isEqualTo(reached);
        assertThat(stage.get("won").asInt()).as(name + " won").isEqualTo(won);
        assertThat(stage.get("winRate").decimalValue()).as(name + " winRate").isEqualByComparingTo(winRate);
        if (toNext == null) {
            assertThat(stage.get("toNextStage").isNull()).as(name + " toNextStage").isTrue();
        } else {
            assertThat(stage.get("toNextStage").decimalValue()).as(name + " toNextStage").isEqualByComparingTo(toNext);
        }
        assertThat(stage.get("rateSource").asText()).isEqualTo(source);
        assertThat(stage.get("openDeals").asInt()).as(name + " openDeals").isEqualTo(openDeals);
        assertThat(stage.get("openAmount").decimalValue()).as(name + " openAmount").isEqualByComparingTo(openAmount);
        assertThat(stage.get("expected").decimalValue()).as(name + " expected").isEqualByComparingTo(expected);
    }

    private static void assertProblem(Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.body().get("type").asText()).isEqualTo("urn:relais:problem:" + type);
        if (field != null) {
            assertThat(response.body().get("field").asText()).isEqualTo(field);
        }
    }

    private static List<String> lineIds(JsonNode forecast) {
        List<String> ids = new ArrayList<>();
        forecast.get("lines").forEach(line -> ids.add(line.get("userId").asText()));
        return ids;
    }

    private static JsonNode line(JsonNode forecast, String userId) {
        for (JsonNode line : forecast.get("lines")) {
            if (line.get("userId").asText().equals(userId)) {
                return line;
            }
        }
        throw new AssertionError("No line of " + userId + " in " + forecast);
    }

    private static void stage(TestUser owner, String deal, String stage) {
        Response moved = owner.api().put("/api/v1/opportunities/" + deal + "/stage", "{\"stage\": \"" + stage + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private static String deal(TestUser owner, String account, String currency, String amount, LocalDate closing) {
        Response opened = owner.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Contrat\", \"currency\": \"" + currency + "\", \"amount\": " + amount + ", \"expectedCloseDate\": \""
                + closing + "\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.body().get("id").asText();
    }

    private static String account(TestUser owner) {
        Response created = owner.api().post("/api/v1/accounts", "{\"legalName\": \"Société " + UUID.randomUUID()
                .toString().substring(0, 8) + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String product() {
        String id = api().post("/api/v1/products", "{\"code\": \"P-" + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"name\": \"Licence\", \"kind\": \"PRODUCT\", \"unit\": \"pièce\"}").body().get("id").asText();
        assertThat(api().post("/api/v1/products/" + id + "/prices", "{\"currency\": \"EUR\", \"unitPrice\": 100, "
                + "\"validFrom\": \"2020-01-01\"}").status()).isEqualTo(200);
        return id;
    }
}
