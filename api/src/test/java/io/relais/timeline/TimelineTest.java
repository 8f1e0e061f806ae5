package io.relais.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 360° timeline over HTTP: an account's own changes, its contacts', the whole history of the leads
 * converted into it and of the duplicates merged into it, in one feed; and a contact's, narrowed to them.
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

    /** One account's life, shared by the tests: edits, contacts, a converted lead, a merged duplicate, a contact that left. */
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
        awaitCaughtUp(processor(TimelineProjection.PROCESSING_GROUP));
    }

    @Test
    void anAccountsTimelineHoldsEverythingThatHappenedToItItsContactsItsLeadsAndItsMergedDuplicate() {
        Response timeline = rep.api().get("/api/v1/accounts/" + account + "/timeline?order=asc&size=200");

        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        JsonNode items = timeline.body().get("items");
        assertThat(items).extracting(e -> e.get("kind").asText() + " " + e.get("type").asText()).containsExactly(
                "ACCOUNT AccountCreated", "ACCOUNT AccountDetailsUpdated", "CONTACT ContactAdded",
                "CONTACT ContactUpdated", "LEAD LeadCaptured", "LEAD LeadDetailsUpdated", "LEAD LeadQualified",
                "CONTACT ContactAdded", "LEAD LeadConverted", "CONTACT LeadConvertedIntoAccount",
                "ACCOUNT AccountCreated", "CONTACT ContactAdded", "ACCOUNT AccountMergedInto", "CONTACT ContactMovedIn",
                "ACCOUNT MergedAccountAbsorbed", "CONTACT ContactMovedOut");
        assertThat(timeline.body().get("totalItems").asInt()).isEqualTo(16);
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
        assertThat(newestFirst.body().get("items")).extracting(e -> e.get("type").asText())
                .containsExactly("ContactMovedOut", "MergedAccountAbsorbed", "ContactMovedIn");
        assertThat(newestFirst.body().get("totalItems").asInt()).isEqualTo(16);
        assertThat(rep.api().get("/api/v1/accounts/" + account + "/timeline?size=3&page=5").body().get("items"))
                .hasSize(1);
    }

    @Test
    void theTimelineFiltersByKindAndByTime() {
        JsonNode all = rep.api().get("/api/v1/accounts/" + account + "/timeline?order=asc&size=200").body()
                .get("items");
        Instant converted = Instant.parse(all.get(8).get("occurredAt").asText());
        Instant merged = Instant.parse(all.get(12).get("occurredAt").asText());

        JsonNode leads = rep.api().get("/api/v1/accounts/" + account + "/timeline?kind=LEAD").body();
        JsonNode contactsAndLeads = rep.api().get("/api/v1/accounts/" + account
                + "/timeline?kind=CONTACT,LEAD&order=asc").body();
        JsonNode between = rep.api().get("/api/v1/accounts/" + account + "/timeline?order=asc&from=" + converted
                + "&to=" + merged).body();

        assertThat(leads.get("items")).extracting(e -> e.get("type").asText())
                .containsExactly("LeadConverted", "LeadQualified", "LeadDetailsUpdated", "LeadCaptured");
        assertThat(contactsAndLeads.get("totalItems").asInt()).isEqualTo(11);
        assertThat(between.get("items")).extracting(e -> e.get("type").asText()).containsExactly(
                "LeadConverted", "LeadConvertedIntoAccount", "AccountCreated", "ContactAdded");
    }

    @Test
    void aContactsTimelineFollowsThemAcrossAccountsAndIncludesTheirLead() {
        JsonNode moved = rep.api().get("/api/v1/accounts/" + target + "/contacts/" + movedContact
                + "/timeline?order=asc").body();
        JsonNode fromLead = rep.api().get("/api/v1/accounts/" + account + "/contacts/" + leadContact
                + "/timeline?order=asc").body();

        assertThat(moved.get("items")).extracting(e -> e.get("recordId").asText() + " " + e.get("type").asText())
                .containsExactly(account + " ContactAdded", account + " ContactUpdated", account + " ContactMovedOut",
                        target + " ContactMovedIn");
        assertThat(fromLead.get("items")).extracting(e -> e.get("type").asText()).containsExactly(
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
