package io.relais.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.Browser;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's pages in a browser: the audit view filtered, a record's history and past state, the verification. */
@NeedsPostgreSqlEventStore
class ConsoleAuditBrowserTest extends ApiTestSupport {

    private static final By ENTRIES = By.cssSelector("#audit-entries tbody tr");

    @Test
    void anAuditorFiltersTheAuditViewReadsARecordsHistoryAsItStoodAndVerifiesTheChain() {
        TestUser auditor = user("console-auditor", Profile.AUDITOR);
        // a rep's own lead: no routing adds events of the system to it
        TestUser rep = user("console-auditee", Profile.SALES_REP);
        String lead = created(rep.api().post("/api/v1/leads", "{\"lastName\": \"Auditee\", \"email\": \"auditee-"
                + UUID.randomUUID() + "@example.fr\", \"city\": \"Paris\", \"source\": \"WEB_FORM\"}"));
        assertThat(rep.api().patch("/api/v1/leads/" + lead, "{\"city\": \"Lyon\"}", "Change-Reason", "Client moved")
                .status()).isEqualTo(200);
        JsonNode expected = auditor.api().get("/api/v1/audit/events?recordId=" + lead).body().get("content");
        assertThat(expected).hasSize(2);

        try (Browser browser = Browser.open(port, Browser.WIDE)) {
            browser.signIn(auditor.id(), "password-of-" + auditor.id());
            browser.go("#/audit?eventType=NoSuchEvent");
            assertThat(browser.find(By.cssSelector("[data-page=audit] [role=alert]")).getAttribute("data-status"))
                    .isEqualTo("400");
            assertThat(browser.find(By.cssSelector("#audit-filters input[name=eventType]")).getAttribute("value"))
                    .as("the refused filter stays, to be mended").isEqualTo("NoSuchEvent");
            browser.go("#/audit");
            browser.find(ENTRIES);
            browser.find(By.cssSelector("#audit-filters input[name=recordId]")).sendKeys(lead);
            browser.find(By.cssSelector("#audit-filters button[type=submit]")).click();
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("recordId=" + lead)
                    && driver.findElements(ENTRIES).size() == expected.size());

            List<String> positions = new ArrayList<>();
            List<String> types = new ArrayList<>();
            expected.forEach(entry -> {
                positions.add(entry.get("position").asText());
                types.add(entry.get("type").asText());
            });
            assertThat(browser.findAll(By.cssSelector("#audit-entries [data-position]")))
                    .extracting(cell -> cell.getAttribute("data-position")).containsExactlyElementsOf(positions);
            assertThat(browser.findAll(By.cssSelector("#audit-entries [data-position]")))
                    .extracting(WebElement::getText).containsExactlyElementsOf(types);
            String newest = browser.findAll(ENTRIES).get(0).getText();
            assertThat(newest).contains(rep.id(), "Client moved", "details.city", "Paris", "Lyon", "LEAD " + lead);
            assertThat(browser.find(By.cssSelector("nav.pager [data-page=older]")).isEnabled()).isFalse();
            browser.screenshot("audit-entries");

            browser.go("#/audit?recordId=" + lead + "&size=1");
            browser.waitUntil(driver -> shownPositions(browser).equals(positions.subList(0, 1)));
            browser.find(By.cssSelector("nav.pager [data-page=older]")).click();
            browser.waitUntil(driver -> shownPositions(browser).equals(positions.subList(1, 2)));
            assertThat(browser.currentUrl()).contains("before=" + positions.get(0));
            assertThat(browser.find(By.cssSelector("nav.pager [data-page=older]")).isEnabled()).isFalse();
            browser.find(By.cssSelector("nav.pager [data-page=newer]")).click();
            browser.waitUntil(driver -> shownPositions(browser).equals(positions.subList(0, 1)));
            assertThat(browser.find(By.cssSelector("nav.pager [data-page=newer]")).isEnabled()).isFalse();
            browser.go("#/audit?recordId=" + lead);
            browser.waitUntil(driver -> shownPositions(browser).equals(positions));

            browser.find(By.cssSelector("#audit-entries a[href='#/audit/LEAD/" + lead + "']")).click();
            WebElement updated = browser.find(By.cssSelector("#record-history li[data-type=LeadDetailsUpdated]"));
            WebElement city = updated.findElement(By.cssSelector(".change[data-field='details.city']"));
            assertThat(city.findElement(By.tagName("del")).getText()).isEqualTo("Paris");
            assertThat(city.findElement(By.tagName("ins")).getText()).isEqualTo("Lyon");
            assertThat(updated.getText()).contains("Client moved");

            browser.find(By.cssSelector("#record-history li[data-type=LeadCaptured] button[data-as-of]")).click();
            assertThat(browser.text(asOfValue("details.city"))).isEqualTo("Paris");
            assertThat(browser.text(asOfValue("id"))).isEqualTo(lead);
            assertThat(browser.text(By.cssSelector("#as-of p"))).contains("version");
            browser.screenshot("audit-history");

            long after = expected.get(expected.size() - 1).get("position").asLong() - 1;
            browser.go("#/audit?recordId=" + lead);
            browser.find(By.name("fromPosition")).sendKeys(String.valueOf(after));
            browser.find(By.id("verify")).click();
            WebElement outcome = browser.find(By.cssSelector("#verification .verification[data-intact]"));
            WebElement range = outcome.findElement(By.cssSelector("[data-field=range]"));
            Response verified = auditor.api().post("/api/v1/audit/verifications", "{\"fromPosition\": " + after
                    + ", \"toPosition\": " + range.getAttribute("data-to") + "}");
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            JsonNode answer = verified.body();
            assertThat(range.getAttribute("data-from")).isEqualTo(String.valueOf(after));
            assertThat(outcome.getAttribute("data-intact")).isEqualTo(answer.get("intact").asText());
            assertThat(browser.text(By.id("verification-badge"))).isEqualTo(answer.get("intact").asBoolean()
                    ? "Intact" : "Not intact");
            assertThat(browser.find(By.id("verification-badge")).getAttribute("class"))
                    .endsWith(answer.get("intact").asBoolean() ? "good" : "bad");
            assertThat(digits(outcome, "checkedEvents")).isEqualTo(answer.get("checkedEvents").asLong());
            // seals made meanwhile are counted by the later verification only
            assertThat(digits(outcome, "checkedSeals")).isLessThanOrEqualTo(answer.get("checkedSeals").asLong());
            assertThat(browser.findAll(By.cssSelector("#verification-problems tbody tr")))
                    .hasSize(answer.get("problems").size());
            assertThat(browser.find(By.id("verification")).getAttribute("role")).isEqualTo("status");
            browser.screenshot("audit-verification");
        }

        try (Browser phone = Browser.open(port, Browser.PHONE, "fr-FR")) {
            phone.signIn(auditor.id(), "password-of-" + auditor.id());
            phone.go("#/audit/LEAD/" + lead);
            assertThat(phone.text(By.cssSelector("#record-history li[data-type=LeadDetailsUpdated] "
                    + ".change[data-field='details.city']"))).contains("Paris", "Lyon");
            assertThat(phone.text(By.tagName("h1"))).isEqualTo("Historique de LEAD " + lead);
            assertThat(phone.text(By.id("as-of-title"))).isEqualTo("L’enregistrement tel qu’il était");
            String captured = expected.get(expected.size() - 1).get("occurredAt").asText();
            Object french = phone.script("return new Intl.DateTimeFormat('fr-FR', {dateStyle: 'medium', "
                    + "timeStyle: 'medium'}).format(new Date(arguments[0]))", captured);
            assertThat(phone.text(By.cssSelector("#record-history li[data-type=LeadCaptured] .when")))
                    .startsWith(french + " · Position");
            assertThat((Boolean) phone.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the phone").isTrue();
            phone.screenshot("audit-history-fr");

            phone.find(By.cssSelector("#record-history li[data-type=LeadCaptured] button[data-as-of]")).click();
            assertThat(phone.text(asOfValue("details.city"))).isEqualTo("Paris");
            assertThat((Boolean) phone.script("const top = document.getElementById('as-of').getBoundingClientRect()"
                    + ".top; return top >= 0 && top < window.innerHeight")).as("the past state in view").isTrue();
            phone.screenshot("audit-as-of-fr");
        }
    }

    /** Read in one script: the page may be drawn again between two reads of its elements. */
    @SuppressWarnings("unchecked")
    private static List<String> shownPositions(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#audit-entries "
                + "[data-position]')].map(cell => cell.dataset.position)");
    }

    private static By asOfValue(String field) {
        return By.xpath("//table[@id='as-of-record']//tr[th[normalize-space()='" + field + "']]/td");
    }

    private static long digits(WebElement outcome, String field) {
        return Long.parseLong(outcome.findElement(By.cssSelector("[data-field=" + field + "]")).getText()
                .replaceAll("\\D", ""));
    }
}
