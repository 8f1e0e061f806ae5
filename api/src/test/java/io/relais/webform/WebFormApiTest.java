package io.relais.webform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.HttpApi;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Web forms over HTTP: registered by administrators, posted without signing in by a real HTML page (HtmlUnit,
 * following the redirect) and by a script (JSON, CORS), each submission a lead captured by system:web-form on
 * behalf of the form; wrong keys, bad fields, other origins, the honeypot and floods refused or ignored.
 */
class WebFormApiTest extends ApiTestSupport {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** A client address of its own, as a proxy names it: each test spends its own allowance. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51.100." + n;
    }

    private static String tag(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String form(String name, String origin, String ownerId) {
        return "{\"name\":\"" + name + "\",\"allowedOrigins\":[\"" + origin + "\"],\"sourceDetail\":\"Page contact "
                + name + "\"," + (ownerId == null ? "" : "\"ownerId\":\"" + ownerId + "\",")
                + "\"consentText\":\"J'accepte de recevoir les offres de Relais.\",\"consentTextVersion\":\"2026-11\","
                + "\"redirectUrl\":\"" + origin + "/merci.html\"}";
    }

    private JsonNode register(String body) {
        Response created = api().post("/api/v1/web-forms", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private Response postForm(String key, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return anonymous().send("POST", submissions(key), body, "application/x-www-form-urlencoded", headers);
    }

    private static String submissions(String key) {
        return "/api/v1/web-forms/" + key + "/submissions";
    }

    private JsonNode leadOf(String company) {
        AtomicReference<JsonNode> page = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            page.set(api().get("/api/v1/leads?q=" + company).body());
            return page.get().get("totalElements").asLong() >= 1;
        });
        assertThat(page.get().get("totalElements").asLong()).isEqualTo(1);
        return page.get().get("content").get(0);
    }

    @Test
    void aRealHtmlFormPostsALeadAndTheBrowserFollowsTheRedirect() throws Exception {
        String company = tag("Boulangerie");
        HttpServer site = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String origin = "http://localhost:" + site.getAddress().getPort();
        TestUser rep = user("claire-web", Profile.SALES_REP);
        JsonNode registered = register(form("Contact " + company, origin, rep.id()));
        String key = registered.get("key").asText();
        site.createContext("/contact.html", exchange -> page(exchange, """
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Contact</title></head><body>
                <form id="contact" method="post" action="http://localhost:%d/api/v1/web-forms/%s/submissions">
                  <label>Prénom <input name="firstName"></label>
                  <label>Nom <input name="lastName"></label>
                  <label>E-mail <input name="email" type="email"></label>
                  <label>Société <input name="company"></label>
                  <label>Message <textarea name="notes"></textarea></label>
                  <input name="fax" tabindex="-1" autocomplete="off" style="position:absolute;left:-10000px">
                  <label><input type="checkbox" name="consent"> J'accepte de recevoir les offres de Relais.</label>
                  <button type="submit" name="send" value="1">Envoyer</button>
                </form></body></html>""".formatted(port, key)));
        site.createContext("/merci.html", exchange -> page(exchange,
                "<!DOCTYPE html><html><head><title>Merci</title></head><body>Merci !</body></html>"));
        site.start();
        try (WebClient browser = new WebClient()) {
            browser.addRequestHeader("X-Forwarded-For", address());
            HtmlPage contact = browser.getPage(origin + "/contact.html");
            HtmlForm posted = (HtmlForm) contact.getElementById("contact");
            posted.getInputByName("firstName").type("Zoé");
            posted.getInputByName("lastName").type("Lefèvre");
            posted.getInputByName("email").type("zoe.lefevre@example.fr");
            posted.getInputByName("company").type(company);
            posted.getTextAreaByName("notes").type("Un devis pour 20 postes, s'il vous plaît");
            ((HtmlCheckBoxInput) posted.getInputByName("consent")).setChecked(true);

            HtmlPage thanks = posted.getButtonByName("send").click();

            assertThat(thanks.getUrl().toString()).isEqualTo(origin + "/merci.html");
            assertThat(thanks.getTitleText()).isEqualTo("Merci");

            // the same page served from another origin (127.0.0.1 is not localhost to a browser) is refused
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage copy = browser.getPage(origin.replace("localhost", "127.0.0.1") + "/contact.html");
            HtmlForm copied = (HtmlForm) copy.getElementById("contact");
            copied.getInputByName("email").type("copie@example.fr");
            Page refused = copied.getButtonByName("send").click();
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(refused.getWebResponse().getContentAsString()).contains("origin-not-allowed");
        } finally {
            site.stop(0);
        }

        JsonNode lead = leadOf(company);
        assertThat(lead.get("details").get("firstName").asText()).isEqualTo("Zoé");
        assertThat(lead.get("details").get("notes").asText()).isEqualTo("Un devis pour 20 postes, s'il vous plaît");
        assertThat(lead.get("source").asText()).isEqualTo("WEB_FORM");
        assertThat(lead.get("sourceDetail").asText()).isEqualTo("Page contact Contact " + company);
        assertThat(lead.get("ownerId").asText()).isEqualTo(rep.id());
        assertThat(lead.get("marketingConsent").asBoolean()).isTrue();
        assertThat(lead.get("consentChannel").asText()).isEqualTo("WEB_FORM");
        assertThat(lead.get("consentTextVersion").asText()).isEqualTo("2026-11");
        assertThat(lead.get("capturedBy").asText()).isEqualTo("system:web-form");

        JsonNode activity = api().get("/api/v1/web-forms/" + registered.get("id").asText() + "/activity").body();
        assertThat(activity.get("captured").asLong()).isEqualTo(1);
        assertThat(activity.get("days").get(0).get("captured").asLong()).isEqualTo(1);
    }

    private static void page(com.sun.net.httpserver.HttpExchange exchange, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    @Test
    void aScriptPostsJsonFromAnAllowedOriginOnly() {
        String company = tag("Cafe");
        String origin = "https://www." + company.toLowerCase() + ".example";
        String key = register(form("Script " + company, origin, null)).get("key").asText();
        String from = address();

        Response preflight = anonymous().send("OPTIONS", submissions(key), null, null, "Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type",
                "X-Forwarded-For", from);
        assertThat(preflight.status()).as(preflight.toString()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST");

        Response elsewhere = anonymous().send("OPTIONS", submissions(key), null, null, "Origin",
                "https://evil.example", "Access-Control-Request-Method", "POST", "X-Forwarded-For", from);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.body().get("type").asText()).isEqualTo("urn:relais:problem:origin-not-allowed");
        Response postedElsewhere = anonymous().post(submissions(key), "{\"email\":\"x@example.fr\"}", "Origin",
                "https://evil.example", "X-Forwarded-For", from);
        assertThat(postedElsewhere.status()).isEqualTo(403);

        // credentials a page's visitor happens to send are not read: no sign-in is asked for
        Response accepted = anonymous().post(submissions(key), "{\"lastName\":\"Bernard\",\"company\":\"" + company
                + "\",\"phone\":\"+33 3 88 00 00 00\"}", "Origin", origin, "X-Forwarded-For", from,
                "Authorization", "Basic " + Base64.getEncoder().encodeToString("visitor:wrong".getBytes(
                        StandardCharsets.UTF_8)));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        JsonNode lead = leadOf(company);
        assertThat(lead.get("details").get("phone").asText()).isEqualTo("+33 3 88 00 00 00");
        assertThat(lead.get("marketingConsent").asBoolean()).isFalse();
        assertThat(lead.get("consentTextVersion").asText()).isEqualTo("2026-11");
        assertThat(api().get("/api/v1/leads?q=x@example.fr").body().get("totalElements").asLong()).isZero();
    }

    @Test
    void wrongKeysBadFieldsAndTheHoneypotCaptureNothing() {
        String company = tag("Garage");
        String origin = "https://garage.example";
        JsonNode registered = register(form("Bad " + company, origin, null));
        String key = registered.get("key").asText();
        String from = address();
        long before = storedEvents();

        Response unknown = postForm("wf_no-such-form-key-000000", Map.of("email", "a@example.fr"),
                "X-Forwarded-For", from);
        assertThat(unknown.status()).isEqualTo(404);
        Response badEmail = postForm(key, Map.of("email", "pas-un-email", "company", company),
                "X-Forwarded-For", from);
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body().get("field").asText()).isEqualTo("email");
        Response nobody = anonymous().post(submissions(key), "{\"company\":\"" + company + "\",\"colour\":\"blue\"}",
                "X-Forwarded-For", from);
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.body().get("field").asText()).isEqualTo("colour");
        Response spam = postForm(key, Map.of("email", "bot@example.fr", "company", company, "fax", "0102030405"),
                "X-Forwarded-For", from);
        assertThat(spam.status()).isEqualTo(303);
        assertThat(spam.header("Location")).isEqualTo(origin + "/merci.html");
        Response text = anonymous().send("POST", submissions(key), "email=a@example.fr", "text/plain",
                "X-Forwarded-For", address());
        assertThat(text.status()).isEqualTo(415);

        assertThat(storedEvents()).isEqualTo(before);
        JsonNode activity = api().get("/api/v1/web-forms/" + registered.get("id").asText() + "/activity").body();
        assertThat(activity.get("captured").asLong()).isZero();
        assertThat(activity.get("refused").asLong()).isEqualTo(1);
        assertThat(activity.get("spam").asLong()).isEqualTo(1);
    }

    @Test
    void aSpammedFormIsThrottledPerAddressAndPerForm() {
        String key = register(form(tag("Flood"), "https://flood.example", null)).get("key").asText();
        String bot = address();
        for (int i = 0; i < 5; i++) {
            assertThat(postForm(key, Map.of("email", "bot@example.fr", "fax", "x"), "X-Forwarded-For", bot)
                    .status()).isEqualTo(303);
        }
        Response throttled = postForm(key, Map.of("email", "bot@example.fr", "fax", "x"), "X-Forwarded-For", bot);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body().get("type").asText()).isEqualTo("urn:relais:problem:too-many-submissions");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();

        // the form took 5 of its 12; seven more addresses take the rest, and the next is refused whoever it is
        for (int i = 0; i < 7; i++) {
            assertThat(postForm(key, Map.of("email", "bot@example.fr", "fax", "x"), "X-Forwarded-For", address())
                    .status()).isEqualTo(303);
        }
        assertThat(postForm(key, Map.of("email", "a@example.fr", "fax", "x"), "X-Forwarded-For", address())
                .status()).isEqualTo(429);
    }

    @Test
    void onlyAdministratorsManageFormsAndARetiredFormTakesNothing() {
        String company = tag("Atelier");
        TestUser rep = user("rep-forms", Profile.SALES_REP);
        TestUser steward = user("steward-forms", Profile.DATA_STEWARD);
        assertThat(rep.api().post("/api/v1/web-forms", form(company, "https://a.example", null)).status())
                .isEqualTo(403);
        assertThat(steward.api().get("/api/v1/web-forms").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/web-forms").status()).isEqualTo(401);
        Response badOrigin = api().post("/api/v1/web-forms", form(company, "https://a.example/contact", null));
        assertThat(badOrigin.status()).isEqualTo(400);
        assertThat(badOrigin.body().get("field").asText()).isEqualTo("allowedOrigins[0]");
        Response auditorOwner = api().post("/api/v1/web-forms", form(company, "https://a.example",
                user("auditor-forms", Profile.AUDITOR).id()));
        assertThat(auditorOwner.status()).isEqualTo(400);
        assertThat(auditorOwner.body().get("field").asText()).isEqualTo("ownerId");

        JsonNode registered = register(form(company, "https://a.example", null));
        String id = registered.get("id").asText();
        assertThat(registered.get("key").asText()).matches("wf_[A-Za-z0-9_-]{24}");
        assertThat(rep.api().get("/api/v1/web-forms/" + id).status()).isEqualTo(403);
        JsonNode listed = api().get("/api/v1/web-forms?q=" + company).body();
        assertThat(listed.get("content")).extracting(form -> form.get("id").asText()).containsExactly(id);

        Response changed = api().put("/api/v1/web-forms/" + id, form(company, "https://b.example", null),
                "If-Match", "\"0\"");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("settings").get("allowedOrigins").get(0).asText()).isEqualTo("https://b.example");
        assertThat(changed.body().get("key").asText()).isEqualTo(registered.get("key").asText());
        assertThat(rep.api().post("/api/v1/web-forms/" + id + "/retire", null).status()).isEqualTo(403);

        Response retired = api().post("/api/v1/web-forms/" + id + "/retire", null);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().get("retired").asBoolean()).isTrue();
        assertThat(postForm(registered.get("key").asText(), Map.of("company", company, "email", "c@example.fr"),
                "X-Forwarded-For", address()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/web-forms?q=" + company).body().get("totalElements").asLong()).isZero();
        assertThat(api().get("/api/v1/web-forms?includeRetired=true&q=" + company).body().get("totalElements")
                .asLong()).isEqualTo(1);
    }

    @Test
    @NeedsPostgreSqlEventStore
    void theAuditShowsTheFormsHistoryAndItsLeadsOnItsBehalf() {
        String company = tag("Audit");
        JsonNode registered = register(form(company, "https://audit.example", null));
        String id = registered.get("id").asText();
        assertThat(postForm(registered.get("key").asText(), Map.of("company", company, "email", "d@example.fr",
                "consent", "on"), "X-Forwarded-For", address()).status()).isEqualTo(303);
        String leadId = leadOf(company).get("id").asText();

        JsonNode form = api().get("/api/v1/audit/events?recordType=WEBFORM&recordId=" + id).body().get("content");
        assertThat(form).extracting(entry -> entry.get("type").asText()).containsExactly("WebFormRegistered");
        JsonNode capture = api().get("/api/v1/audit/events?recordType=LEAD&recordId=" + leadId).body().get("content")
                .get(0);
        assertThat(capture.get("type").asText()).isEqualTo("LeadCaptured");
        assertThat(capture.get("userId").asText()).isEqualTo("system:web-form");
        assertThat(capture.get("onBehalfOf").asText()).isEqualTo(id);
    }
}
