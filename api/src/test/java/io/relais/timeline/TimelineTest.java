package io.relais.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 360° timeline over HTTP: an account's own changes, its contacts', the whole history of the leads
 * converted into it and of the duplicates merged into it, its deals' and activities', in one feed; and a
 * contact's, narrowed to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineTest extends ApiTestSupport {

    private TestUser manager;
    private TestUser rep;
    private String account;
    private String duplicate;
    private String target;
    private String lead;
    private String leadContact;
    private String movedContact;
    private String dealAccount;
    private String dealContact;
    private String deal;
    private String call;
    private String dealDuplicate;
    private String transferredDeal;
    private String managersCall;
    private Instant taskDue;

    /**
     * One account's life, shared by the tests: edits, contacts, a converted lead, a merged duplicate, a contact
     * that left; and another's deals and activities.
     */
    @BeforeAll
    void history() {
        manager = user("manager", Profile.SALES_MANAGER);
        rep = user("rep", Profile.SALES_REP, manager);
        account = create("/api/v1/accounts", "{\"legalName\": \"Menuiserie Rolland\"}");
        patch("/api/v1/accounts/" + account, "{\"legalName\": \"Menuiserie Rolland & Fils\"}");
        movedContact = contact(account, "{\"firstName\": \"Hugo\", \"lastName\": \"Rolland\"}");
        assertThat(rep.api().put("/api/v1/accounts/" + account + "/contacts/" + movedContact,
                "{\"firstName\": \"Hugo\", \"lastName\": \"Rolland\", \"jobTitle\": \"Gérant\"}").status())
                .isEqualTo(200);
        lead = create("/api/v1/leads", "{\"firstName\": \"Manon\", \"lastName\": \"Petit\", \"email\": \""
                + UUID.randomUUID() + "@example.fr\", \"source\": \"WEB_FORM\", \"ownerId\": \"" + rep.id() + "\"}");
        patch("/api/v1/leads/" + lead, "{\"phone\": \"06 98 76 54 32\"}");
        assertThat(rep.api().post("/api/v1/leads/" + lead + "/qualify", null).status()).isEqualTo(200);
        Response converted = rep.api().post("/api/v1/leads/" + lead + "/convert",
                "{\"accountId\": \"" + account + "\"}");
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        leadContact = converted.body().get("contactId").asText();
        duplicate = create("/api/v1/accounts", "{\"legalName\": \"Menuiserie Roland\"}");
        contact(duplicate, "{\"lastName\": \"Roland\"}");
        assertThat(rep.api().post("/api/v1/accounts/" + account + "/merge", "{\"duplicateId\": \"" + duplicate
                + "\"}").status()).isEqualTo(200);
        target = create("/api/v1/accounts", "{\"legalName\": \"Scierie Rolland\"}");
        assertThat(rep.api().post("/api/v1/accounts/" + account + "/contacts/" + movedContact + "/move",
                "{\"toAccountId\": \"" + target + "\"}").status()).isEqualTo(200);
        deals();
        awaitCaughtUp(processor(TimelineProjection.PROCESSING_GROUP));
    }

    /**
     * Another account's deals and activities: a deal of its contact's that moves, is lost and reopened, a call
     * with the contact, a task on the deal, a merged duplicate's deal and note, and a call the rep may not see.
     */
    private void deals() {
        dealAccount = create("/api/v1/accounts", "{\"legalName\": \"Tonnellerie Garnier\"}");
        dealContact = contact(dealAccount, "{\"firstName\": \"Lucie\", \"lastName\": \"Garnier\"}");
        deal = create("/api/v1/opportunities", "{\"accountId\": \"" + dealAccount + "\", \"name\": \"Fûts 2027\", "
                + "\"currency\": \"EUR\", \"amount\": 12000, \"expectedCloseDate\": \"2027-03-31\", "
                + "\"primaryContactId\": \"" + dealContact + "\"}");
        ok(rep.api().put("/api/v1/opportunities/" + deal + "/stage", "{\"stage\": \"PROPOSAL\"}"));
        ok(rep.api().put("/api/v1/opportunities/" + deal + "/amount", "{\"amount\": 15000}"));
        ok(rep.api().put("/api/v1/opportunities/" + deal + "/close-date", "{\"expectedCloseDate\": \"2027-04-30\"}"));
        call = create("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Point sur le devis\", "
                + "\"contactId\": \"" + dealContact + "\"}");
        taskDue = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String task = create("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": \"Envoyer la "
                + "proposition\", \"opportunityId\": \"" + deal + "\", \"dueAt\": \"" + taskDue + "\", \"remindAt\": \""
                + taskDue.minus(1, ChronoUnit.HOURS) + "\"}");
        ok(rep.api().put("/api/v1/activities/" + task + "/schedule", "{\"dueAt\": \""
                + taskDue.plus(1, ChronoUnit.DAYS) + "\"}"));
        ok(rep.api().post("/api/v1/activities/" + task + "/complete", "{\"outcome\": \"Proposition envoyée\"}"));
        ok(rep.api().post("/api/v1/opportunities/" + deal + "/close-lost", "{\"reason\": \"PRICE\"}"));
        ok(rep.api().post("/api/v1/opportunities/" + deal + "/reopen", "{\"stage\": \"NEGOTIATION\"}"));

        dealDuplicate = create("/api/v1/accounts", "{\"legalName\": \"Tonnellerie Garnier SARL\"}");
        transferredDeal = create("/api/v1/opportunities", "{\"accountId\": \"" + dealDuplicate + "\", \"name\": "
                + "\"Cuverie\", \"currency\": \"EUR\", \"expectedCloseDate\": \"2027-06-30\"}");
        String note = create("/api/v1/activities/log", "{\"kind\": \"NOTE\", \"subject\": \"Même société\", "
                + "\"accountId\": \"" + dealDuplicate + "\"}");
        ok(rep.api().post("/api/v1/accounts/" + dealAccount + "/merge", "{\"duplicateId\": \"" + dealDuplicate
                + "\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rep.api().get("/api/v1/opportunities/" + transferredDeal)
                .body().get("accountId").asText().equals(dealAccount) && rep.api().get("/api/v1/activities/" + note)
                .body().get("accountId").asText().equals(dealAccount));

        Response managers = manager.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": "
                + "\"Appel de courtoisie\", \"accountId\": \"" + dealAccount + "\"}");
        assertThat(managers.status()).as(managers.toString()).isEqualTo(201);
        managersCall = managers.body().get("id").asText();
    }

    @Test
    void anAccountsTimelineHoldsEverythingThatHappenedToItItsContactsItsLeadsAndItsMergedDuplicate() {
        Response timeline = rep.api().get("/api/v1/accounts/" + account + "/timeline?order=asc&size=200");

        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        JsonNode items = timeline.body().get("content");
        assertThat(items).extracting(e -> e.get("kind").asText() + " " + e.get("type").asText()).containsExactly(
                "ACCOUNT AccountCreated", "ACCOUNT AccountDetailsUpdated", "CONTACT ContactAdded",
                "CONTACT ContactUpdated", "LEAD LeadCaptured", "LEAD LeadDetailsUpdated", "LEAD LeadQualified",
                "CONTACT ContactAdded", "LEAD LeadConverted", "CONTACT LeadConvertedIntoAccount",
                "ACCOUNT AccountCreated", "CONTACT ContactAdded", "ACCOUNT AccountMergedInto", "CONTACT ContactMovedIn",
                "ACCOUNT MergedAccountAbsorbed", "CONTACT ContactMovedOut");
        assertThat(timeline.body().get("totalElements").asInt()).isEqualTo(16);
        JsonNode renamed = items.get(1);
        assertThat(renamed.get("recordId").asText()).isEqualTo(account);
        assertThat(renamed.get("userId").asText()).isEqualTo(rep.id());
        assertThat(renamed.get("correlationId").asText()).isNotBlank();
        assertThat(renamed.get("changes")).hasSize(1);
        assertThat(renamed.get("changes").get(0).get("field").asText()).isEqualTo("legalName");
        assertThat(renamed.get("changes").get(0).get("oldValue").asText()).isEqualTo("Menuiserie Rolland");
        assertThat(renamed.get("changes").get(0).get("newValue").asText()).isEqualTo("Menuiserie Rolland & Fils");
        assertThat(items.get(4).get("recordId").asText()).isEqualTo(lead);
        assertThat(items.get(10).get("recordId").asText()).isEqualTo(duplicate);
        JsonNode absorbedContact = items.get(13);
        assertThat(absorbedContact.get("userId").asText()).isEqualTo("system:account-transfer");
        assertThat(absorbedContact.get("onBehalfOf").asText()).isEqualTo(rep.id());

        Response newestFirst = rep.api().get("/api/v1/accounts/" + account + "/timeline?size=3");
        assertThat(newestFirst.body().get("content")).extracting(e -> e.get("type").asText())
                .containsExactly("ContactMovedOut", "MergedAccountAbsorbed", "ContactMovedIn");
        assertThat(newestFirst.body().get("totalElements").asInt()).isEqualTo(16);
        assertThat(rep.api().get("/api/v1/accounts/" + account + "/timeline?size=3&page=5").body().get("content"))
                .hasSize(1);
    }

    @Test
    void theTimelineFiltersByKindAndByTime() {
        JsonNode all = rep.api().get("/api/v1/accounts/" + account + "/timeline?order=asc&size=200").body()
                .get("content");
        Instant converted = Instant.parse(all.get(8).get("occurredAt").asText());
        Instant merged = Instant.parse(all.get(12).get("occurredAt").asText());

        JsonNode leads = rep.api().get("/api/v1/accounts/" + account + "/timeline?kind=LEAD").body();
        JsonNode contactsAndLeads = rep.api().get("/api/v1/accounts/" + account
                + "/timeline?kind=CONTACT,LEAD&order=asc").body();
        JsonNode between = rep.api().get("/api/v1/accounts/" + account + "/timeline?order=asc&from=" + converted
                + "&to=" + merged).body();

        assertThat(leads.get("content")).extracting(e -> e.get("type").asText())
                .containsExactly("LeadConverted", "LeadQualified", "LeadDetailsUpdated", "LeadCaptured");
        // an empty kind, alone or in a list, filters nothing (it used to answer 500: found by ApiFuzzTest)
        assertThat(rep.api().get("/api/v1/accounts/" + account + "/timeline?kind=LEAD,").body()).isEqualTo(leads);
        assertThat(rep.api().get("/api/v1/accounts/" + account + "/timeline?kind=&order=asc&size=200").body()
                .get("content")).isEqualTo(all);
        assertThat(contactsAndLeads.get("totalElements").asInt()).isEqualTo(11);
        assertThat(between.get("content")).extracting(e -> e.get("type").asText()).containsExactly(
                "LeadConverted", "LeadConvertedIntoAccount", "AccountCreated", "ContactAdded");
    }

    @Test
    void aContactsTimelineFollowsThemAcrossAccountsAndIncludesTheirLead() {
        JsonNode moved = rep.api().get("/api/v1/accounts/" + target + "/contacts/" + movedContact
                + "/timeline?order=asc").body();
        JsonNode fromLead = rep.api().get("/api/v1/accounts/" + account + "/contacts/" + leadContact
                + "/timeline?order=asc").body();

        assertThat(moved.get("content")).extracting(e -> e.get("recordId").asText() + " " + e.get("type").asText())
                .containsExactly(account + " ContactAdded", account + " ContactUpdated", account + " ContactMovedOut",
                        target + " ContactMovedIn");
        assertThat(fromLead.get("content")).extracting(e -> e.get("type").asText()).containsExactly(
                "LeadCaptured", "LeadDetailsUpdated", "LeadQualified", "ContactAdded", "LeadConverted",
                "LeadConvertedIntoAccount");
        assertThat(rep.api().get("/api/v1/accounts/" + account + "/contacts/" + movedContact + "/timeline")
                .status()).isEqualTo(404);
    }

    @Test
    void theTimelineFollowsTheVisibilityOfTheAccount() {
        TestUser peer = user("peer", Profile.SALES_REP, manager);
        TestUser auditor = user("auditor", Profile.AUDITOR);

        assertThat(manager.api().get("/api/v1/accounts/" + account + "/timeline").status()).isEqualTo(200);
        assertThat(auditor.api().get("/api/v1/accounts/" + account + "/timeline").status()).isEqualTo(200);
        assertThat(peer.api().get("/api/v1/accounts/" + account + "/timeline").status()).isEqualTo(404);
        assertThat(peer.api().get("/api/v1/accounts/" + account + "/contacts/" + leadContact + "/timeline")
                .status()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/accounts/" + account + "/timeline").status()).isEqualTo(401);
    }

    @Test
    void anAccountsTimelineHoldsItsDealsAndActivitiesAndThoseOfTheDuplicateMergedIntoIt() {
        Response timeline = rep.api().get("/api/v1/accounts/" + dealAccount + "/timeline?order=asc&size=200");

        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        JsonNode items = timeline.body().get("content");
        assertThat(items).extracting(e -> e.get("kind").asText() + " " + e.get("type").asText()).containsExactly(
                "ACCOUNT AccountCreated", "CONTACT ContactAdded", "OPPORTUNITY OpportunityOpened",
                "OPPORTUNITY OpportunityStageChanged", "OPPORTUNITY OpportunityAmountChanged",
                "OPPORTUNITY OpportunityCloseDateChanged", "ACTIVITY ActivityLogged", "ACTIVITY ActivityScheduled",
                "ACTIVITY ActivityRescheduled", "ACTIVITY ActivityCompleted", "OPPORTUNITY OpportunityLost",
                "OPPORTUNITY OpportunityReopened", "ACCOUNT AccountCreated", "OPPORTUNITY OpportunityOpened",
                "ACTIVITY ActivityLogged", "ACCOUNT AccountMergedInto", "ACCOUNT MergedAccountAbsorbed",
                "OPPORTUNITY OpportunityTransferred", "ACTIVITY ActivityTransferred");
        assertThat(timeline.body().get("totalElements").asInt()).isEqualTo(19);
        JsonNode opened = items.get(2);
        assertThat(opened.get("recordId").asText()).isEqualTo(deal);
        assertThat(opened.get("userId").asText()).isEqualTo(rep.id());
        assertThat(changes(opened)).contains("status: null -> OPEN", "name: null -> Fûts 2027",
                "primaryContactId: null -> " + dealContact, "amount: null -> 12000", "stage: null -> PROSPECTING");
        assertThat(changes(items.get(3))).containsExactly("stage: PROSPECTING -> PROPOSAL", "probability: 10 -> 50",
                "forecastCategory: PIPELINE -> BEST_CASE");
        assertThat(changes(items.get(4))).containsExactly("amount: 12000 -> 15000");
        assertThat(changes(items.get(5))).containsExactly("expectedCloseDate: 2027-03-31 -> 2027-04-30");
        JsonNode called = items.get(6);
        assertThat(called.get("recordId").asText()).isEqualTo(call);
        assertThat(changes(called)).contains("kind: null -> CALL", "accountId: null -> " + dealAccount,
                "contactId: null -> " + dealContact, "ownerId: null -> " + rep.id());
        assertThat(changes(items.get(8))).containsExactly("dueAt: " + taskDue + " -> "
                + taskDue.plus(1, ChronoUnit.DAYS));
        assertThat(changes(items.get(9))).contains("status: OPEN -> DONE", "outcome: null -> Proposition envoyée");
        assertThat(changes(items.get(10))).containsExactly("status: OPEN -> LOST", "stage: PROPOSAL -> CLOSED_LOST",
                "probability: 50 -> 0", "forecastCategory: BEST_CASE -> OMITTED", "lossReason: null -> PRICE",
                "closedOn: null -> " + LocalDate.now());
        assertThat(changes(items.get(11))).containsExactly("status: LOST -> OPEN", "stage: CLOSED_LOST -> NEGOTIATION",
                "probability: 0 -> 80", "forecastCategory: OMITTED -> COMMIT");
        JsonNode transferred = items.get(17);
        assertThat(transferred.get("recordId").asText()).isEqualTo(transferredDeal);
        assertThat(transferred.get("userId").asText()).isEqualTo("system:account-transfer");
        assertThat(transferred.get("onBehalfOf").asText()).isEqualTo(rep.id());
        assertThat(changes(transferred)).containsExactly("accountId: " + dealDuplicate + " -> " + dealAccount);
        assertThat(changes(items.get(18))).containsExactly("accountId: " + dealDuplicate + " -> " + dealAccount);
    }

    @Test
    void aTransferredDealIsPartOfTheHistoryOfTheAccountItFollowed() {
        assertThat(jdbc.queryForList("select record_id from timeline_link where member_id = ?", String.class,
                transferredDeal)).containsExactlyInAnyOrder(dealDuplicate, dealAccount);
    }

    @Test
    void aContactsTimelineHoldsTheActivitiesAboutThemAndTheDealsTheyArePrimaryContactOf() {
        JsonNode timeline = rep.api().get("/api/v1/accounts/" + dealAccount + "/contacts/" + dealContact
                + "/timeline?order=asc").body();
        JsonNode activities = rep.api().get("/api/v1/accounts/" + dealAccount + "/contacts/" + dealContact
                + "/timeline?kind=ACTIVITY&order=asc").body();

        assertThat(timeline.get("content")).extracting(e -> e.get("kind").asText() + " " + e.get("type").asText())
                .containsExactly("CONTACT ContactAdded", "OPPORTUNITY OpportunityOpened",
                        "OPPORTUNITY OpportunityStageChanged", "OPPORTUNITY OpportunityAmountChanged",
                        "OPPORTUNITY OpportunityCloseDateChanged", "ACTIVITY ActivityLogged",
                        "ACTIVITY ActivityScheduled", "ACTIVITY ActivityRescheduled", "ACTIVITY ActivityCompleted",
                        "OPPORTUNITY OpportunityLost", "OPPORTUNITY OpportunityReopened");
        assertThat(activities.get("content").get(0).get("recordId").asText()).isEqualTo(call);
        assertThat(activities.get("totalElements").asInt()).isEqualTo(4);
    }

    @Test
    void theTimelineFiltersDealsAndActivitiesByKind() {
        JsonNode deals = rep.api().get("/api/v1/accounts/" + dealAccount + "/timeline?kind=OPPORTUNITY").body();
        JsonNode activities = rep.api().get("/api/v1/accounts/" + dealAccount + "/timeline?kind=ACTIVITY&order=asc")
                .body();
        JsonNode both = rep.api().get("/api/v1/accounts/" + dealAccount + "/timeline?kind=OPPORTUNITY,ACTIVITY")
                .body();
        JsonNode none = rep.api().get("/api/v1/accounts/" + account + "/timeline?kind=OPPORTUNITY&kind=ACTIVITY")
                .body();

        assertThat(deals.get("content")).extracting(e -> e.get("type").asText()).containsExactly(
                "OpportunityTransferred", "OpportunityOpened", "OpportunityReopened", "OpportunityLost",
                "OpportunityCloseDateChanged", "OpportunityAmountChanged", "OpportunityStageChanged",
                "OpportunityOpened");
        assertThat(activities.get("content")).extracting(e -> e.get("type").asText()).containsExactly(
                "ActivityLogged", "ActivityScheduled", "ActivityRescheduled", "ActivityCompleted", "ActivityLogged",
                "ActivityTransferred");
        assertThat(both.get("totalElements").asInt()).isEqualTo(14);
        assertThat(none.get("totalElements").asInt()).isZero();
    }

    @Test
    void dealsAndActivitiesInATimelineFollowTheVisibilityOfTheirOwner() {
        TestUser peer = user("peer", Profile.SALES_REP, manager);
        TestUser auditor = user("auditor", Profile.AUDITOR);

        JsonNode managers = manager.api().get("/api/v1/accounts/" + dealAccount + "/timeline?size=1").body();
        JsonNode repsActivities = rep.api().get("/api/v1/accounts/" + dealAccount + "/timeline?kind=ACTIVITY").body();

        assertThat(managers.get("totalElements").asInt()).isEqualTo(20);
        assertThat(managers.get("content").get(0).get("recordId").asText()).isEqualTo(managersCall);
        assertThat(auditor.api().get("/api/v1/accounts/" + dealAccount + "/timeline").body().get("totalElements")
                .asInt()).isEqualTo(20);
        assertThat(repsActivities.get("content")).noneMatch(e -> e.get("recordId").asText().equals(managersCall));
        assertThat(rep.api().get("/api/v1/activities/" + managersCall).status()).isEqualTo(404);
        assertThat(peer.api().get("/api/v1/accounts/" + dealAccount + "/timeline").status()).isEqualTo(404);
        assertThat(peer.api().get("/api/v1/accounts/" + dealAccount + "/contacts/" + dealContact + "/timeline")
                .status()).isEqualTo(404);
    }

    @Test
    void badTimelineParametersAreProblemsNamingTheParameter() {
        Map<String, String> problems = Map.of(
                "kind=PHONE_CALL", "kind",
                "from=yesterday", "from",
                "to=2026-13-01", "to",
                "from=2026-11-02&to=2026-11-01", "to",
                "order=sideways", "order",
                "size=0", "size",
                "page=-1", "page");
        problems.forEach((query, field) -> {
            Response response = rep.api().get("/api/v1/accounts/" + account + "/timeline?" + query);
            assertThat(response.status()).as(query + " " + response).isEqualTo(400);
            assertThat(response.body().get("field").asText()).as(query).isEqualTo(field);
        });
    }

    @Test
    void replayingTheTimelineFromZeroGivesTheSameRows() {
        StreamingEventProcessor processor = processor(TimelineProjection.PROCESSING_GROUP);
        List<List<String>> before = tables();

        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry", Long.class)).isZero();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(tables()).isEqualTo(before);
    }

    private List<List<String>> tables() {
        List<List<String>> tables = new ArrayList<>();
        tables.add(jdbc.queryForList("select to_jsonb(e)::text from timeline_entry e order by event_id", String.class));
        tables.add(jdbc.queryForList("select to_jsonb(l)::text from timeline_link l order by record_id, member_id",
                String.class));
        return tables;
    }

    /** An entry's changes as {@code "field: old -> new"}. */
    private static List<String> changes(JsonNode entry) {
        List<String> changes = new ArrayList<>();
        entry.get("changes").forEach(change -> changes.add(change.get("field").asText() + ": "
                + change.get("oldValue").asText() + " -> " + change.get("newValue").asText()));
        return changes;
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private String create(String path, String body) {
        Response created = rep.api().post(path, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private void patch(String path, String body) {
        Response patched = rep.api().patch(path, body);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    }

    private String contact(String accountId, String body) {
        Response added = rep.api().post("/api/v1/accounts/" + accountId + "/contacts", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.header("Location").replaceAll(".*/", "");
    }
}
