package io.relais.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.Browser;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser, for every user: signing in and out, the lists with the API's filters and search,
 * a record's page with its details and 360° timeline (before → after), alerts, what a rep may not reach, French on
 * a phone.
 */
class ConsoleBrowserTest extends ApiTestSupport {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void aBrowserNotSignedInLandsOnTheSignInPageSignsInAndOut() {
        TestUser rep = user("rep", Profile.SALES_REP);
        try (Browser browser = Browser.open(port, Browser.WIDE)) {
            browser.go("#/leads");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/sign-in#/leads"));
            browser.screenshot("sign-in");

            browser.find(By.id("userId")).sendKeys(rep.id());
            browser.find(By.id("password")).sendKeys("not-the-password");
            browser.find(By.cssSelector("#sign-in-form button")).click();
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("/sign-in?error"));
            assertThat(browser.text(By.id("message"))).isEqualTo("Wrong user or password, or the user is deactivated.");

            browser.signIn(rep.id(), "password-of-" + rep.id());
            assertThat(browser.text(By.id("who"))).isEqualTo("Signed in as rep (sales rep)");
            assertThat(browser.currentUrl()).as("back where the browser was sent from").endsWith("/#/leads");
            assertThat(menu(browser)).containsExactly("Leads", "Accounts", "Deals", "Activities", "Alerts",
                    "Imports");

            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement skip = browser.driver().switchTo().activeElement();
            assertThat(skip.getText()).as("the keyboard's first stop").isEqualTo("Skip to content");
            skip.sendKeys(Keys.ENTER);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("main");

            browser.find(By.cssSelector("#sign-out button")).click();
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/sign-in?signed-out"));
            assertThat(browser.text(By.id("message"))).isEqualTo("You are signed out.");
            browser.go("/");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/sign-in"));
        }
    }

    @Test
    void aRepSearchesTheirAccountsOpensOneAndReadsItsTimelineAndAlerts() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        String name = "Console " + UUID.randomUUID().toString().substring(0, 8);
        String account = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"" + name + " SARL\"}"));
        Response contact = rep.api().post("/api/v1/accounts/" + account + "/contacts",
                "{\"firstName\": \"Inès\", \"lastName\": \"Roy\", \"emails\": [\"ines.roy@example.fr\"]}");
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        patch(rep, "/api/v1/accounts/" + account, "{\"phone\": \"04 78 00 00 01\"}");
        created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Autre " + name + "\"}"));

        try (Browser browser = Browser.open(port, Browser.WIDE).signIn(rep.id(), "password-of-" + rep.id())) {
            browser.go("#/record/account/" + account);
            WebElement follow = browser.find(By.id("follow"));
            assertThat(follow.getText()).isEqualTo("Follow");
            follow.click();
            browser.waitUntil(driver -> driver.findElement(By.id("follow")).getText().equals("Stop following"));
            assertThat(rep.api().get("/api/v1/follows/ACCOUNT/" + account).status()).isEqualTo(200);
            patch(manager, "/api/v1/accounts/" + account, "{\"phone\": \"04 78 00 00 02\"}");

            browser.go("#/accounts");
            browser.find(By.cssSelector("#accounts-list"));
            assertThat(options(browser, "status")).as("the API description's values")
                    .containsExactly("", "PROSPECT", "CUSTOMER", "MERGED");
            browser.find(By.name("q")).sendKeys(name + " SARL");
            browser.find(By.cssSelector("form.controls button[type=submit]")).click();
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("q="));
            List<WebElement> rows = browser.waitUntil(driver -> {
                List<WebElement> found = driver.findElements(By.cssSelector("#accounts-list tbody tr"));
                return found.size() == 1 ? found : null;
            });
            assertThat(rows.get(0).getText()).contains(name + " SARL", "Prospect", rep.id());
            browser.screenshot("accounts");

            rows.get(0).findElement(By.tagName("a")).click();
            browser.find(By.id("timeline"));
            assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Account · " + name + " SARL");
            assertThat(browser.text(By.cssSelector("#record-details dd[data-field='details.phone']")))
                    .isEqualTo("04 78 00 00 02");
            JsonNode timeline = rep.api().get("/api/v1/accounts/" + account + "/timeline").body().get("content");
            List<WebElement> entries = browser.findAll(By.cssSelector("#timeline > li"));
            assertThat(entries).hasSize(timeline.size());
            JsonNode phoneChange = timeline.get(0);
            assertThat(phoneChange.get("userId").asText()).isEqualTo(manager.id());
            assertThat(entries.get(0).getAttribute("data-event")).isEqualTo(phoneChange.get("eventId").asText());
            assertThat(entries.get(0).findElement(By.cssSelector("li.change[data-field='phone']")).getText())
                    .isEqualTo("phone: 04 78 00 00 01 → 04 78 00 00 02");
            assertThat(browser.text(By.id("contacts"))).isEqualTo("Inès Roy");
            browser.screenshot("account");

            browser.go("#/alerts");
            WebElement alert = browser.waitUntil(driver -> driver.findElements(By.cssSelector("#alerts-list tbody tr"))
                    .stream().filter(row -> row.getText().contains(manager.id())).findFirst().orElse(null));
            assertThat(alert.getText()).contains("Change", account, "new");
            browser.screenshot("alerts");
            browser.find(By.xpath("//button[text()='Mark all as read']")).click();
            browser.find(By.xpath("//p[@role='status'][text()='All alerts are marked read.']"));
            assertThat(rep.api().get("/api/v1/alerts?unread=true").body().get("totalElements").asLong()).isZero();
        }
    }

    @Test
    void aRepReachesNeitherAManagersDashboardNorTheProcessors() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        try (Browser browser = Browser.open(port, Browser.WIDE).signIn(rep.id(), "password-of-" + rep.id())) {
            assertThat(menu(browser)).doesNotContain("Dashboard", "Audit", "Processors", "Users");
            browser.go("#/dashboard/" + manager.id());
            assertThat(problemStatus(browser)).as("the managers' page, not in a rep's menu").isEqualTo("403");
            assertThat(browser.findAll(By.cssSelector("canvas"))).isEmpty();
            browser.screenshot("rep-on-dashboard");
            browser.go("#/processors");
            assertThat(problemStatus(browser)).isEqualTo("403");
            assertThat(browser.text(By.cssSelector("[role=alert]")))
                    .isEqualTo("Your profile does not give access to this page.");
        }
    }

    @Test
    void inFrenchOnAPhoneTheMenuFoldsAndAmountsAreFrench() {
        TestUser rep = user("commercial", Profile.SALES_REP);
        String account = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Mobile SAS\"}"));
        String deal = "Affaire " + UUID.randomUUID().toString().substring(0, 8);
        created(rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": \"" + deal
                + "\", \"currency\": \"EUR\", \"amount\": 12345.5, \"expectedCloseDate\": \"2027-03-31\"}"));
        try (Browser browser = Browser.open(port, Browser.PHONE, "fr-FR")
                .signIn(rep.id(), "password-of-" + rep.id())) {
            browser.go("#/deals?q=" + deal.replace(' ', '+'));
            WebElement row = browser.waitUntil(driver -> driver.findElements(By.cssSelector("#deals-list tbody tr"))
                    .stream().findFirst().orElse(null));
            assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Affaires");
            assertThat(row.getText().replace('\u202f', ' ').replace('\u00a0', ' '))
                    .contains(deal, "12 345,50 €", "31 mars 2027");
            assertThat(browser.find(By.id("nav")).isDisplayed()).as("folded on a phone").isFalse();
            browser.screenshot("deals-fr");
            browser.find(By.id("menu-toggle")).click();
            assertThat(browser.find(By.id("nav")).isDisplayed()).isTrue();
            assertThat(menu(browser)).startsWith("Pistes", "Comptes", "Affaires");
            browser.screenshot("menu-fr");
        }
    }

    private static List<String> menu(Browser browser) {
        browser.find(By.cssSelector("#nav a"));
        List<String> labels = new ArrayList<>();
        browser.findAll(By.cssSelector("#nav a")).forEach(link -> labels.add(link.getAttribute("textContent")));
        return labels;
    }

    private static List<String> options(Browser browser, String name) {
        return browser.find(By.name(name)).findElements(By.tagName("option")).stream()
                .map(option -> option.getAttribute("value")).toList();
    }

    private static String problemStatus(Browser browser) {
        return browser.find(By.cssSelector(".page [role=alert]")).getAttribute("data-status");
    }

    private static void patch(TestUser user, String path, String body) {
        Response patched = user.api().patch(path, body, "Content-Type", MERGE_PATCH);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    }
}
