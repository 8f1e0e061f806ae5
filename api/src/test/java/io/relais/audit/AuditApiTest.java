package io.relais.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import io.relais.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The auditor's view over HTTP: entries, old and new values, filters, paging by position, bad input. */
@NeedsPostgreSqlEventStore
class AuditApiTest extends ApiTestSupport {

    @Test
    void aLeadChangedSeveralTimesShowsEachFieldsValueBeforeAndAfterAndTheReasonGiven() {
        String lead = lead(api(), "Lenoir", "audit-" + UUID.randomUUID());
        assertThat(patchWithReason(lead, "{\"city\": \"Lyon\"}", "Le client a déménagé".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
        assertThat(api().patch("/api/v1/leads/" + lead, "{\"city\": \"Paris\", \"phone\": \"+33 1 42 00 00 00\"}")
                .status()).isEqualTo(200);
        assertThat(api().post("/api/v1/leads/" + lead + "/disqualify", "{\"reason\": \"OTHER\", \"note\": \"Parti\"}",
                "Change-Reason", "Doublon signale par le client").status()).isEqualTo(200);

        Response history = api().get("/api/v1/audit/records/LEAD/" + lead + "?order=asc");

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode entries = history.body().get("content");
        assertThat(types(history)).containsExactly("LeadCaptured", "LeadDetailsUpdated", "LeadDetailsUpdated",
                "LeadDisqualified");
        assertThat(entries.get(0).get("changes").toString())
                .contains(change("details.lastName", null, "Lenoir"), change("leadId", null, lead))
                .doesNotContain("details.city");
        assertThat(entries.get(1).get("changes").toString()).isEqualTo("[" + change("details.city", null, "Lyon") + "]");
        assertThat(entries.get(1).get("changeReason").asText()).isEqualTo("Le client a déménagé");
        assertThat(entries.get(2).get("changes").toString()).isEqualTo("[" + change("details.phone", null,
                "+33 1 42 00 00 00") + "," + change("details.city", "Lyon", "Paris") + "]");
        assertThat(entries.get(2).get("changeReason").isNull()).isTrue();
        assertThat(entries.get(3).get("changes").toString()).contains(change("reason", null, "OTHER"),
                change("note", null, "Parti"));
        assertThat(entries.get(3).get("changeReason").asText()).isEqualTo("Doublon signale par le client");
        for (JsonNode entry : entries) {
            assertThat(entry.get("record").toString()).isEqualTo("{\"type\":\"LEAD\",\"id\":\"" + lead + "\"}");
            assertThat(entry.get("userId").asText()).isEqualTo("admin");
            assertThat(entry.get("causationId").asText()).isNotBlank();
        }
        assertThat(api().get("/api/v1/audit/events?order=asc&recordId=" + lead).body().get("content"))
                .isEqualTo(entries);
    }

    @Test
    void eachFilterNarrowsTheEntriesToWhatItNames() {
        TestUser rep = user("auditee", Profile.SALES_REP);
        String correlation = "audit-" + UUID.randomUUID();
        String survivor = lead(rep.api(), "Garnier", correlation);
        String duplicate = lead(rep.api(), "Garnier", "audit-" + UUID.randomUUID());
        assertThat(rep.api().patch("/api/v1/leads/" + survivor, "{\"city\": \"Nantes\"}").status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/leads/" + survivor + "/merge", "{\"duplicateId\": \"" + duplicate + "\"}",
                "Change-Reason", "Same person").status()).isEqualTo(200);
        String byUser = "/api/v1/audit/events?userId=" + rep.id();
        // the survivor absorbs the duplicate in a process manager, acting for the rep
        await().atMost(Duration.ofSeconds(30)).until(() -> types(api().get(byUser)).contains("MergedLeadAbsorbed"));

        Response mine = api().get(byUser);
        assertThat(types(mine)).containsExactly("MergedLeadAbsorbed", "LeadMergedInto", "LeadDetailsUpdated",
                "LeadCaptured", "LeadCaptured");
        assertThat(mine.body().get("content").get(0).get("userId").asText()).isEqualTo("system:lead-merge");
        assertThat(mine.body().get("content").get(0).get("onBehalfOf").asText()).isEqualTo(rep.id());
        // the reason follows the request into what the process manager does for it
        assertThat(mine.body().get("content").get(0).get("changeReason").asText()).isEqualTo("Same person");
        assertThat(mine.body().get("content")).allSatisfy(entry -> assertThat(List.of(entry.get("userId").asText(),
                entry.get("onBehalfOf").asText())).contains(rep.id()));

        assertThat(ids(api().get("/api/v1/audit/events?correlationId=" + correlation)))
                .containsExactly(survivor);
        assertThat(types(api().get(byUser + "&eventType=LeadCaptured"))).containsExactly("LeadCaptured", "LeadCaptured");
        assertThat(types(api().get(byUser + "&eventType=LeadCaptured,LeadMergedInto&eventType=MergedLeadAbsorbed")))
                .containsExactly("MergedLeadAbsorbed", "LeadMergedInto", "LeadCaptured", "LeadCaptured");
        assertThat(ids(api().get(byUser + "&recordType=LEAD&recordId=" + duplicate)))
                .containsExactly(duplicate, duplicate);
        assertThat(types(api().get("/api/v1/audit/events?recordType=user&recordId=" + rep.id())))
                .containsExactly("UserRegistered");
        assertThat(types(api().get(byUser + "&recordType=USER"))).isEmpty();
        assertThat(api().get("/api/v1/audit/events?recordType=USER&size=5").body().get("content"))
                .allSatisfy(entry -> assertThat(entry.get("record").get("type").asText()).isEqualTo("USER"));

        JsonNode update = mine.body().get("content").get(2);
        String at = update.get("occurredAt").asText();
        assertThat(types(api().get(byUser + "&from=" + at))).containsExactly("MergedLeadAbsorbed", "LeadMergedInto",
                "LeadDetailsUpdated");
        assertThat(types(api().get(byUser + "&to=" + at))).containsExactly("LeadCaptured", "LeadCaptured");
        assertThat(types(api().get(byUser + "&from=" + Instant.parse(at).plusSeconds(3600)))).isEmpty();
    }

    @Test
    void aFilterThatMatchesNothingAnswersAnEmptyPage() {
        Response none = api().get("/api/v1/audit/events?userId=nobody-" + UUID.randomUUID());

        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().toString()).isEqualTo("{\"content\":[],\"size\":50,\"order\":\"desc\",\"more\":false,"
                + "\"after\":null,\"before\":null}");
        assertThat(api().get("/api/v1/audit/events?recordId=nothing-" + UUID.randomUUID() + "&before=10").body()
                .toString()).isEqualTo("{\"content\":[],\"size\":50,\"order\":\"desc\",\"more\":false,"
                + "\"after\":9,\"before\":10}");
    }

    @Test
    void pagesByPositionStayPutWhileEventsArriveAndReadBothWays() {
        String lead = lead(api(), "Perrin", "audit-" + UUID.randomUUID());
        for (String city : List.of("Lille", "Metz", "Caen", "Nancy", "Brest")) {
            assertThat(api().patch("/api/v1/leads/" + lead, "{\"city\": \"" + city + "\"}").status()).isEqualTo(200);
        }
        String path = "/api/v1/audit/events?recordId=" + lead + "&size=2";
        List<Long> all = positions(api().get("/api/v1/audit/events?recordId=" + lead));
        assertThat(all).hasSize(6).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        Response first = api().get(path);
        assertThat(positions(first)).isEqualTo(all.subList(0, 2));
        assertThat(first.body().get("more").asBoolean()).isTrue();
        assertThat(first.body().get("after").asLong()).isEqualTo(all.get(0));
        assertThat(first.body().get("before").asLong()).isEqualTo(all.get(1));
        // an event arriving meanwhile does not shift the pages that follow
        assertThat(api().patch("/api/v1/leads/" + lead, "{\"city\": \"Dijon\"}").status()).isEqualTo(200);
        Response second = api().get(path + "&before=" + first.body().get("before").asLong());
        assertThat(positions(second)).isEqualTo(all.subList(2, 4));
        Response third = api().get(path + "&before=" + second.body().get("before").asLong());
        assertThat(positions(third)).isEqualTo(all.subList(4, 6));
        assertThat(third.body().get("more").asBoolean()).isFalse();

        // backwards: the page just newer than the third is the second again, and the newest one has the new event
        Response back = api().get(path + "&after=" + third.body().get("after").asLong());
        assertThat(positions(back)).isEqualTo(all.subList(2, 4));
        Response newest = api().get(path + "&after=" + first.body().get("after").asLong());
        assertThat(positions(newest)).hasSize(1).allSatisfy(position -> assertThat(position).isGreaterThan(all.get(0)));
        assertThat(newest.body().get("more").asBoolean()).isFalse();

        // oldest first, forwards with after
        Response oldest = api().get(path + "&order=asc");
        assertThat(positions(oldest)).isEqualTo(List.of(all.get(5), all.get(4)));
        assertThat(oldest.body().get("order").asText()).isEqualTo("asc");
        Response next = api().get(path + "&order=asc&after=" + oldest.body().get("after").asLong());
        assertThat(positions(next)).isEqualTo(List.of(all.get(3), all.get(2)));
        Response previous = api().get(path + "&order=asc&before=" + next.body().get("before").asLong());
        assertThat(positions(previous)).isEqualTo(positions(oldest));
    }

    @Test
    void everyKindOfRecordHasItsHistory() {
        TestUser rep = user("historian", Profile.SALES_REP);
        String territory = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/territories", "{\"territoryId\": \"" + territory + "\", \"name\": \"Audit\"}")
                .status()).isEqualTo(201);
        assertThat(api().put("/api/v1/territories/" + territory + "/members/" + rep.id(), null).status())
                .isEqualTo(200);
        String account = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Tuilerie Audit\"}"));
        String contact = rep.api().post("/api/v1/accounts/" + account + "/contacts", "{\"lastName\": \"Roux\"}")
                .header("Location").replaceAll(".*/", "");
        String deal = created(rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", "
                + "\"name\": \"Toiture\", \"currency\": \"EUR\", \"amount\": 1000, \"expectedCloseDate\": \"2027-06-30\"}"));
        String activity = created(rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": "
                + "\"Devis\", \"opportunityId\": \"" + deal + "\"}"));
        String product = created(api().post("/api/v1/products", "{\"code\": \"A-" + territory + "\", \"name\": "
                + "\"Tuile\", \"kind\": \"PRODUCT\", \"unit\": \"pièce\"}"));

        assertHistory("USER", rep.id(), "UserRegistered");
        assertHistory("TERRITORY", territory, "TerritoryCreated", "TerritoryMemberAdded");
        assertHistory("ACCOUNT", account, "AccountCreated");
        assertHistory("CONTACT", contact, "ContactAdded");
        assertHistory("OPPORTUNITY", deal, "OpportunityOpened");
        assertHistory("ACTIVITY", activity, "ActivityLogged");
        assertHistory("PRODUCT", product, "ProductCreated");
    }

    private void assertHistory(String type, String id, String... events) {
        Response history = api().get("/api/v1/audit/records/" + type + "/" + id + "?order=asc");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(types(history)).as(type).containsExactly(events);
        assertThat(history.body().get("content")).allSatisfy(entry -> assertThat(entry.get("record").toString())
                .isEqualTo("{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}"));
        assertThat(api().get("/api/v1/audit/events?order=asc&recordId=" + id).body().get("content"))
                .isEqualTo(history.body().get("content"));
    }

    @Test
    void anUnknownRecordTypeIsRefusedAndAnUnknownRecordIsNotFound() {
        assertRefused(api().get("/api/v1/audit/records/INVOICE/1"), "type");
        Response missing = api().get("/api/v1/audit/records/LEAD/missing-" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("type").asText()).isEqualTo("urn:relais:problem:not-found");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"from, yesterday", "to, 2026-13-01", "from, 1800-01-01", "eventType, LeadInvented",
            "recordType, INVOICE", "size, 0", "size, 201", "size, ten", "after, -1", "before, x", "order, newest"})
    void aMalformedFilterIsRefusedNamingIt(String parameter, String value) {
        assertRefused(api().get("/api/v1/audit/events?" + parameter + "=" + value), parameter);
    }

    @Test
    void contradictoryFiltersAreRefused() {
        assertRefused(api().get("/api/v1/audit/events?after=1&before=5"), "before");
        assertRefused(api().get("/api/v1/audit/events?from=2026-11-02&to=2026-11-02"), "to");
    }

    @Test
    void aMalformedChangeReasonIsRefusedAndChangesNothing() {
        String lead = lead(api(), "Faure", "audit-" + UUID.randomUUID());
        long before = storedEvents();
        for (String reason : List.of("x".repeat(501), " ", "tab\there", "a,b")) {
            String[] headers = reason.equals("a,b") ? new String[] {"Change-Reason", "a", "Change-Reason", "b"}
                    : new String[] {"Change-Reason", reason};
            assertRefused(api().patch("/api/v1/leads/" + lead, "{\"city\": \"Rennes\"}", headers), "Change-Reason");
        }
        // été in ISO-8859-1, not UTF-8
        RawHttp.Response latin1 = patchWithReason(lead, "{\"city\": \"Rennes\"}", "été".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.status()).as(latin1.body()).isEqualTo(400);
        assertThat(latin1.body()).contains("\"field\":\"Change-Reason\"");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api().patch("/api/v1/leads/" + lead, "{\"city\": \"Rennes\"}", "Change-Reason", "x".repeat(500))
                .status()).isEqualTo(200);
    }

    @Test
    void everyWriteDescribesTheChangeReasonHeaderAndNoReadDoes() {
        JsonNode paths = anonymous().get("/v3/api-docs").body().get("paths");
        List<String> writes = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            List<JsonNode> reasons = new ArrayList<>();
            operation.getValue().path("parameters").forEach(parameter -> {
                if (parameter.get("name").asText().equals("Change-Reason")) {
                    reasons.add(parameter);
                }
            });
            // an anonymous web form submission gives no reason: the system captures it on the form's behalf
            if (operation.getKey().equals("get") || path.getKey().equals("/api/v1/web-forms/{key}/submissions")) {
                assertThat(reasons).as(path.getKey()).isEmpty();
            } else {
                writes.add(operation.getKey() + " " + path.getKey());
                assertThat(reasons).as(operation.getKey() + " " + path.getKey()).singleElement().satisfies(reason -> {
                    assertThat(reason.get("in").asText()).isEqualTo("header");
                    assertThat(reason.path("required").asBoolean(false)).isFalse();
                    assertThat(reason.get("schema").get("maxLength").asInt()).isEqualTo(500);
                });
            }
        }));
        assertThat(writes).contains("patch /api/v1/leads/{id}", "post /api/v1/users", "put /api/v1/targets/{userId}/{period}");
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("field").asText()).isEqualTo(field);
    }

    /** A lead captured with the given last name, in the request with the given correlation id. */
    private static String lead(HttpApi api, String lastName, String correlationId) {
        return created(api.post("/api/v1/leads", "{\"lastName\": \"" + lastName + "\", \"company\": \"" + lastName
                + " SARL\", \"email\": \"" + lastName.toLowerCase() + "@example.fr\", \"source\": \"WEB_FORM\"}",
                "X-Request-Id", correlationId));
    }

    /** A merge patch of the lead sent with the Change-Reason's bytes as given (Java's HTTP client sends ASCII only). */
    private RawHttp.Response patchWithReason(String lead, String patch, byte[] reason) {
        byte[] body = patch.getBytes(StandardCharsets.UTF_8);
        return new RawHttp(port).exchange("PATCH /api/v1/leads/" + lead + " HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basicAuthorization("admin", ADMIN_PASSWORD) + "\r\nContent-Type: application/merge-patch+json"
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\nChange-Reason: "
                + new String(reason, StandardCharsets.ISO_8859_1), body);
    }

    private static String change(String field, String oldValue, String newValue) {
        return "{\"field\":\"" + field + "\",\"oldValue\":" + (oldValue == null ? "null" : "\"" + oldValue + "\"")
                + ",\"newValue\":\"" + newValue + "\"}";
    }

    private static List<String> types(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        page.body().get("content").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.body().get("content").forEach(entry -> ids.add(entry.get("record").get("id").asText()));
        return ids;
    }

    private static List<Long> positions(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<Long> positions = new ArrayList<>();
        page.body().get("content").forEach(entry -> positions.add(entry.get("position").asLong()));
        return positions;
    }
}
