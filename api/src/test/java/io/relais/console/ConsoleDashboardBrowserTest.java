package io.relais.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.Browser;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The managers' dashboard in a browser: each chart, and the table of its figures, holds what the API answers for
 * the same team and parameters, before and after the period and as-of controls change. The team, closing today:
 * <pre>
 *   Sophie, manager (targets: the quarter 20,000, the year 50,000)
 *   +-- Claire, rep (quarter 8,000): D1 3,000 negotiation, a call 40 days ago (so idle, and seen in 8 weeks'
 *   |                                activity, not 4); D2 2,000 won; D5 1,500 prospecting; an e-mail; a task
 *   |                                overdue
 *   +-- Hugo, rep (quarter 6,000): D3 1,200 proposal; D4 800 qualification, then lost; D6 700 GBP (no rate:
 *                                  left out); a meeting held, one booked
 * </pre>
 */
class ConsoleDashboardBrowserTest extends ApiTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String YEAR = String.valueOf(TODAY.getYear());
    private static final String QUARTER = YEAR + "-Q" + ((TODAY.getMonthValue() - 1) / 3 + 1);
    private static final List<String> KINDS = List.of("CALL", "EMAIL", "NOTE", "MEETING", "TASK");
    private static final List<String> CHARTS = List.of("dashboard-pipeline", "dashboard-forecast", "dashboard-funnel",
            "dashboard-projection", "dashboard-win-rate", "dashboard-cycle", "dashboard-activities",
            "dashboard-quality", "dashboard-usage");

    private static Team team;

    @Test
    @SuppressWarnings("unchecked")
    void aManagerSeesTheTeamsFiguresAsChartsThatFollowThePeriodAndAsOfDate() {
        Team team = team();
        try (Browser browser = Browser.open(port, Browser.WIDE)) {
            browser.signIn(team.manager().id(), password(team.manager()));
            browser.go("#/dashboard");
            awaitShown(browser, team.manager().id(), QUARTER, "");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dashboard — team of Sophie");
            assertThat(browser.findAll(By.name("user"))).as("a manager sees their own team").isEmpty();
            assertThat(browser.text(By.cssSelector("[data-page=dashboard] .notice")))
                    .isEqualTo("Deals in GBP are left out of the figures: no exchange rate.");
            assertChartsHoldTheApisFigures(browser, team.manager().api(), QUARTER, null, 4);
            assertThat(browser.find(By.name("period")).getAttribute("value")).isEqualTo(QUARTER);
            List<List<String>> idle = (List<List<String>>) browser.script("return [...document.querySelectorAll("
                    + "'#dashboard-stale tbody tr')].map((row) => [...row.cells].map((cell) => cell.textContent))");
            assertThat(idle).hasSize(1);
            assertThat(idle.get(0).subList(0, 4)).containsExactly("Contrat 3000", "Claire", "Negotiation",
                    "€3,000.00");
            fullPage(browser, "dashboard-quarter");

            new Select(browser.find(By.name("period"))).selectByValue(YEAR);
            browser.script("arguments[0].value = arguments[1]", browser.find(By.name("asOf")), TODAY.toString());
            browser.find(By.name("weeks")).clear();
            browser.find(By.name("weeks")).sendKeys("8" + Keys.ENTER);
            awaitShown(browser, team.manager().id(), YEAR, TODAY.toString());
            assertThat(browser.currentUrl()).endsWith("#/dashboard?period=" + YEAR + "&asOf=" + TODAY + "&weeks=8");
            assertChartsHoldTheApisFigures(browser, team.manager().api(), YEAR, TODAY.toString(), 8);
            assertThat(browser.find(By.name("asOf")).getAttribute("value")).isEqualTo(TODAY.toString());
            fullPage(browser, "dashboard-year-as-of-today");

            browser.signIn("admin", ADMIN_PASSWORD);
            browser.go("#/dashboard?period=" + QUARTER);
            awaitShown(browser, "admin", QUARTER, "");
            browser.find(By.name("user")).clear();
            browser.find(By.name("user")).sendKeys(team.manager().id());
            browser.find(By.cssSelector("form.controls button[type=submit]")).click();
            awaitShown(browser, team.manager().id(), QUARTER, "");
            assertThat(browser.currentUrl()).endsWith("#/dashboard/" + team.manager().id() + "?period=" + QUARTER
                    + "&weeks=4");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dashboard — team of Sophie");
            assertChartsHoldTheApisFigures(browser, api(), QUARTER, null, 4);
            browser.screenshot("dashboard-chosen-by-administrator");

            browser.signIn(team.rep1().id(), password(team.rep1()));
            browser.go("#/dashboard/" + team.manager().id());
            assertThat(browser.text(By.cssSelector("[data-page=dashboard] [role=alert]")))
                    .isEqualTo("Your profile does not give access to this page.");
            assertThat(browser.findAll(By.cssSelector("[data-page=dashboard] canvas"))).isEmpty();
            browser.screenshot("dashboard-rep-refused");

            browser.signIn(team.outsider().id(), password(team.outsider()));
            browser.go("#/dashboard/" + team.manager().id());
            assertThat(browser.text(By.cssSelector("[data-page=dashboard] [role=alert] p")))
                    .isEqualTo("Not found, or not visible to you.");
            assertThat(browser.find(By.cssSelector("[data-page=dashboard] [role=alert]")).getAttribute("data-status"))
                    .isEqualTo("404");
            assertThat(browser.findAll(By.cssSelector("[data-page=dashboard] canvas"))).isEmpty();
            browser.screenshot("dashboard-another-team");
        }
    }

    @Test
    void onAPhoneInFrenchTheChartsHoldTheSameFigures() {
        Team team = team();
        try (Browser browser = Browser.open(port, Browser.PHONE, "fr-FR")) {
            browser.signIn(team.manager().id(), password(team.manager()));
            browser.go("#/dashboard?period=" + QUARTER);
            awaitShown(browser, team.manager().id(), QUARTER, "");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Tableau de bord — équipe de Sophie");
            assertThat(browser.text(By.cssSelector("label[for=" + browser.find(By.name("period")).getAttribute("id")
                    + "]"))).isEqualTo("Période");
            assertChartsHoldTheApisFigures(browser, team.manager().api(), QUARTER, null, 4);
            assertThat(browser.text(By.cssSelector("[data-figure=wonAmount] .value")))
                    .as("euros written the French way").matches("2\\h000,00\\h€");
            assertThat((Long) browser.script("return window.innerWidth")).isEqualTo(390);
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the phone").isTrue();
            browser.screenshot("dashboard-phone");
            fullPage(browser, "dashboard-phone-all");
        }
    }

    private void assertChartsHoldTheApisFigures(Browser browser, HttpApi viewer, String period, String asOf,
                                                int weeks) {
        String figures = "?period=" + period + (asOf == null ? "" : "&asOf=" + asOf);
        JsonNode board = ok(viewer.get("/api/v1/dashboards/" + team.manager().id() + "?period=" + period
                + "&weeks=" + weeks));
        JsonNode forecast = ok(viewer.get("/api/v1/forecasts/" + team.manager().id() + figures));
        JsonNode funnel = ok(viewer.get("/api/v1/forecasts/" + team.manager().id() + "/funnel" + figures));
        browser.waitUntil(driver -> (Boolean) browser.script("return arguments[0].every((id) => "
                + "Chart.getChart(document.getElementById(id + '-chart')))", CHARTS));

        JsonNode stages = board.get("pipelineByStage");
        assertChart(browser, "dashboard-pipeline", Format.AMOUNT, null,
                columns(stages, stage -> stage.get("amount"), stage -> stage.get("weighted")));
        JsonNode lines = forecast.get("lines");
        assertChart(browser, "dashboard-forecast", Format.AMOUNT, names(lines),
                columns(lines, line -> line.get("team").get("closedWon"), line -> line.get("team").get("commit"),
                        line -> line.get("team").get("bestCase"), line -> line.get("team").get("pipeline"),
                        line -> line.get("target")));
        assertChart(browser, "dashboard-funnel", Format.PERCENT, null,
                columns(funnel.get("stages"), stage -> stage.get("winRate"), stage -> stage.get("toNextStage")));
        assertChart(browser, "dashboard-projection", Format.AMOUNT, null, List.of(List.of(funnel.get("closedWon"),
                funnel.get("expectedFromPipeline"), funnel.get("expectedFromMeetings"), funnel.get("projected"),
                funnel.get("target"))));
        JsonNode members = board.get("members");
        assertThat(names(members)).containsExactly("Sophie", "Claire", "Hugo");
        assertChart(browser, "dashboard-win-rate", Format.PERCENT, names(members),
                columns(members, member -> member.get("team").get("winRate")));
        assertChart(browser, "dashboard-cycle", Format.DAYS, names(members),
                columns(members, member -> member.get("team").get("averageCycleDays")));
        List<List<JsonNode>> activities = new ArrayList<>();
        members.forEach(member -> activities.add(KINDS.stream().map(kind -> member.get("own").get("activities")
                .path(kind)).map(count -> count.isMissingNode() ? JSON.getNodeFactory().numberNode(0) : count)
                .toList()));
        assertChart(browser, "dashboard-activities", Format.COUNT, null, activities);
        List<JsonNode> quality = new ArrayList<>(List.of(board.get("team")));
        members.forEach(member -> quality.add(member.get("own")));
        assertChart(browser, "dashboard-quality", Format.PERCENT, null, columns(JSON.valueToTree(quality),
                row -> row.get("dataQuality").get("accounts").get("share"),
                row -> row.get("dataQuality").get("contacts").get("share"),
                row -> row.get("dataQuality").get("deals").get("share")));
        JsonNode usage = board.get("team").get("usage");
        assertThat(usage).hasSize(weeks);
        assertChart(browser, "dashboard-usage", Format.COUNT, null, columns(usage,
                week -> week.get("recordsCreated"), week -> week.get("recordsUpdated"),
                week -> week.get("activitiesLogged")));

        assertThat(digits(browser.text(By.cssSelector("[data-figure=winRate] .value"))))
                .isEqualTo(Format.PERCENT.digits(board.get("team").get("winRate")));
        assertThat(digits(browser.text(By.cssSelector("[data-figure=target] .value"))))
                .isEqualTo(Format.AMOUNT.digits(forecast.get("target")));
        assertThat(digits(browser.text(By.cssSelector("[data-figure=projected] .value"))))
                .isEqualTo(Format.AMOUNT.digits(funnel.get("projected")));
        assertThat(digits(browser.text(By.cssSelector("[data-figure=openDeals] .value"))))
                .isEqualTo(board.get("team").get("openDeals").asText());
    }

    /**
     * The chart's datasets hold the expected columns, value for value, and so does the table of its figures
     * (each number as the page writes it in the browser's language: its digits are compared).
     */
    @SuppressWarnings("unchecked")
    private static void assertChart(Browser browser, String id, Format format, List<String> labels,
                                    List<List<JsonNode>> expected) {
        Map<String, Object> data = (Map<String, Object>) browser.script("const data = Chart.getChart("
                + "document.getElementById(arguments[0])).data; return {labels: data.labels, "
                + "datasets: data.datasets.map((dataset) => ({label: dataset.label, data: [...dataset.data]}))}",
                id + "-chart");
        List<Object> chartLabels = (List<Object>) data.get("labels");
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) data.get("datasets");
        if (labels != null) {
            assertThat(chartLabels).as(id + " labels").containsExactlyElementsOf(labels);
        }
        assertThat(datasets).as(id + " datasets").hasSize(expected.size());
        List<List<String>> rows = (List<List<String>>) browser.script("return [...document.querySelectorAll("
                + "'#' + arguments[0] + '-figures tbody tr')].map((row) => [...row.cells].map((cell) => "
                + "cell.textContent))", id);
        assertThat(rows).as(id + " figures' rows").hasSize(chartLabels.size());
        for (int set = 0; set < expected.size(); set++) {
            List<Object> values = (List<Object>) datasets.get(set).get("data");
            List<JsonNode> column = expected.get(set);
            assertThat(values).as(id + " dataset " + set).hasSize(column.size());
            for (int at = 0; at < column.size(); at++) {
                String where = id + " dataset " + datasets.get(set).get("label") + " at " + chartLabels.get(at);
                if (column.get(at).isNull()) {
                    assertThat(values.get(at)).as(where).isNull();
                } else {
                    assertThat(((Number) values.get(at)).doubleValue()).as(where)
                            .isCloseTo(column.get(at).doubleValue(), within(1e-9));
                }
                assertThat(rows.get(at).get(0)).as(where).isEqualTo(String.valueOf(chartLabels.get(at)));
                assertThat(digits(rows.get(at).get(set + 1))).as(where + " in the figures' table")
                        .isEqualTo(format.digits(column.get(at)));
            }
        }
    }

    /** One column per value, each holding that value of every node. */
    @SafeVarargs
    private static List<List<JsonNode>> columns(JsonNode nodes, Function<JsonNode, JsonNode>... values) {
        List<List<JsonNode>> columns = new ArrayList<>();
        for (Function<JsonNode, JsonNode> value : values) {
            List<JsonNode> column = new ArrayList<>();
            nodes.forEach(node -> column.add(value.apply(node)));
            columns.add(column);
        }
        return columns;
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> names.add(node.get("displayName").asText()));
        return names;
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    /** How the page writes a chart's numbers, down to the digits that must show. */
    private enum Format {
        AMOUNT(2), PERCENT(1), DAYS(2), COUNT(0);

        private final int fractionDigits;

        Format(int fractionDigits) {
            this.fractionDigits = fractionDigits;
        }

        String digits(JsonNode value) {
            if (value == null || value.isNull()) {
                return "";
            }
            BigDecimal number = this == PERCENT ? value.decimalValue().movePointRight(2) : value.decimalValue();
            BigDecimal rounded = number.setScale(fractionDigits, RoundingMode.HALF_UP);
            // amounts keep their cents; other numbers drop trailing zeros, as Intl.NumberFormat does
            return ConsoleDashboardBrowserTest.digits((this == AMOUNT ? rounded : rounded.stripTrailingZeros())
                    .toPlainString());
        }
    }

    /** Waits until the dashboard shows the period and as-of date asked for, charts drawn. */
    private static void awaitShown(Browser browser, String userId, String period, String asOf) {
        try {
            browser.waitUntil(driver -> (Boolean) browser.script("const view = document.querySelector("
                    + "'[data-page=dashboard][data-shown]'); if (!view) { return false; } "
                    + "const shown = JSON.parse(view.dataset.shown); return shown.userId === arguments[0] "
                    + "&& shown.period === arguments[1] && shown.asOf === arguments[2]", userId, period, asOf));
        } catch (TimeoutException e) {
            throw new AssertionError("The dashboard of " + userId + " for " + period + " as of '" + asOf
                    + "' is not shown at " + browser.currentUrl() + ": " + browser.text(By.id("main")), e);
        }
    }

    /** A screenshot of the whole page: the page shown as tall as it is for it. */
    @SuppressWarnings("unchecked")
    private static void fullPage(Browser browser, String name) {
        Map<String, Object> page = (Map<String, Object>) browser.script("return {width: window.innerWidth, "
                + "height: window.innerHeight, tall: document.documentElement.scrollHeight}");
        ChromeDriver driver = (ChromeDriver) browser.driver();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", page.get("width"),
                "height", page.get("tall"), "deviceScaleFactor", 1, "mobile", (Long) page.get("width") < 500));
        browser.screenshot(name);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", page.get("width"),
                "height", page.get("height"), "deviceScaleFactor", 1, "mobile", (Long) page.get("width") < 500));
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static String password(TestUser user) {
        return "password-of-" + user.id();
    }

    private record Team(TestUser manager, TestUser rep1, TestUser rep2, TestUser outsider) {
    }

    private synchronized Team team() {
        if (team == null) {
            team = buildTeam();
        }
        return team;
    }

    private Team buildTeam() {
        TestUser manager = user("Sophie", Profile.SALES_MANAGER);
        TestUser rep1 = user("Claire", Profile.SALES_REP, manager);
        TestUser rep2 = user("Hugo", Profile.SALES_REP, manager);
        TestUser outsider = user("Outsider", Profile.SALES_MANAGER);
        target(api(), manager, QUARTER, "20000");
        target(api(), manager, YEAR, "50000");
        target(manager.api(), rep1, QUARTER, "8000");
        target(manager.api(), rep2, QUARTER, "6000");

        String account1 = created(rep1.api().post("/api/v1/accounts", "{\"legalName\": \"Société " + unique()
                + "\", \"phone\": \"+33 4 72 00 00 00\", \"website\": \"https://example.fr\"}"));
        assertThat(rep1.api().post("/api/v1/accounts/" + account1 + "/contacts", "{\"firstName\": \"Anne\", "
                + "\"lastName\": \"Morel\", \"jobTitle\": \"Acheteuse\"}").status()).isEqualTo(201);
        String d1 = deal(rep1, account1, "3000");
        stage(rep1, d1, "NEGOTIATION");
        String d2 = deal(rep1, account1, "2000");
        assertThat(rep1.api().post("/api/v1/opportunities/" + d2 + "/close-won", null).status()).isEqualTo(200);
        deal(rep1, account1, "1500");
        log(rep1, "CALL", "\"opportunityId\": \"" + d1 + "\", \"occurredAt\": \""
                + Instant.now().minus(40, ChronoUnit.DAYS) + "\"");
        log(rep1, "EMAIL", "\"accountId\": \"" + account1 + "\"");
        schedule(rep1, "TASK", account1, Instant.now().minus(1, ChronoUnit.HOURS));

        String account2 = created(rep2.api().post("/api/v1/accounts", "{\"legalName\": \"Société " + unique()
                + "\"}"));
        String d3 = deal(rep2, account2, "1200");
        stage(rep2, d3, "PROPOSAL");
        String d4 = deal(rep2, account2, "800");
        stage(rep2, d4, "QUALIFICATION");
        assertThat(rep2.api().post("/api/v1/opportunities/" + d4 + "/close-lost", "{\"reason\": \"PRICE\"}")
                .status()).isEqualTo(200);
        deal(rep2, account2, "GBP", "700");
        String held = schedule(rep2, "MEETING", account2, Instant.now().plusSeconds(60));
        assertThat(rep2.api().post("/api/v1/activities/" + held + "/complete", null).status()).isEqualTo(200);
        schedule(rep2, "MEETING", account2, Instant.now().plus(1, ChronoUnit.DAYS));
        awaitSettled();
        return new Team(manager, rep1, rep2, outsider);
    }

    private static void target(HttpApi setter, TestUser user, String period, String amount) {
        Response set = setter.put("/api/v1/targets/" + user.id() + "/" + period, "{\"amount\": " + amount + "}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    private static String deal(TestUser owner, String account, String amount) {
        return deal(owner, account, "EUR", amount);
    }

    private static String deal(TestUser owner, String account, String currency, String amount) {
        return created(owner.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Contrat " + amount + "\", \"currency\": \"" + currency + "\", \"amount\": " + amount
                + ", \"expectedCloseDate\": \"" + TODAY + "\"}"));
    }

    private static void stage(TestUser owner, String deal, String stage) {
        Response moved = owner.api().put("/api/v1/opportunities/" + deal + "/stage", "{\"stage\": \"" + stage + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private static void log(TestUser owner, String kind, String about) {
        assertThat(owner.api().post("/api/v1/activities/log", "{\"kind\": \"" + kind + "\", \"subject\": \"Suivi\", "
                + about + "}").status()).isEqualTo(201);
    }

    private static String schedule(TestUser owner, String kind, String account, Instant due) {
        return created(owner.api().post("/api/v1/activities/schedule", "{\"kind\": \"" + kind + "\", \"subject\": "
                + "\"Rendez-vous\", \"accountId\": \"" + account + "\", \"dueAt\": \"" + due + "\"}"));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
