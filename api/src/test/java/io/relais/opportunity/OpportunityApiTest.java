package io.relais.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deals over HTTP: stages, amounts from catalogue-priced lines, closing and reopening, who may. */
class OpportunityApiTest extends ApiTestSupport {

    @Test
    void aDealMovesThroughItsStagesIsPricedFromTheCatalogueAndCloses() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String account = account(rep, "Imprimerie Morel");
        String contact = rep.api().post("/api/v1/accounts/" + account + "/contacts", "{\"lastName\": \"Morel\"}")
                .header("Location").replaceAll(".*/", "");
        String product = product("Presse offset", "1200.00");

        Response opened = rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Renouvellement presses\", \"currency\": \"eur\", \"expectedCloseDate\": \"2027-03-31\", "
                + "\"primaryContactId\": \"" + contact + "\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.body().get("id").asText();
        assertThat(opened.body().get("ownerId").asText()).isEqualTo(rep.id());
        assertThat(opened.body().get("stage").get("name").asText()).isEqualTo("PROSPECTING");
        assertThat(opened.body().get("stage").get("probability").asInt()).isEqualTo(10);
        assertThat(opened.body().get("currency").asText()).isEqualTo("EUR");

        Response lined = rep.api().post("/api/v1/opportunities/" + id + "/line-items", "{\"productId\": \"" + product
                + "\", \"quantity\": 3, \"discountPercent\": 10, \"unitCost\": 700}");
        assertThat(lined.status()).as(lined.toString()).isEqualTo(200);
        assertThat(lined.body().get("amount").decimalValue()).isEqualByComparingTo("3240.00");
        assertThat(lined.body().get("margin").decimalValue()).isEqualByComparingTo("1140.00");
        assertThat(lined.body().get("lineItems").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("1200");
        Response manualAmount = rep.api().put("/api/v1/opportunities/" + id + "/amount", "{\"amount\": 5000}");
        assertThat(manualAmount.status()).isEqualTo(409);
        assertThat(manualAmount.body().get("type").asText()).isEqualTo("urn:relais:problem:amount-from-line-items");

        Response proposal = rep.api().put("/api/v1/opportunities/" + id + "/stage", "{\"stage\": \"proposal\"}",
                "If-Match", lined.header("ETag"));
        assertThat(proposal.status()).as(proposal.toString()).isEqualTo(200);
        assertThat(proposal.body().get("stage").get("category").asText()).isEqualTo("BEST_CASE");
        Response stale = rep.api().put("/api/v1/opportunities/" + id + "/stage", "{\"stage\": \"NEGOTIATION\"}",
                "If-Match", lined.header("ETag"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asText()).isEqualTo("urn:relais:problem:stale-version");

        Response lost = rep.api().post("/api/v1/opportunities/" + id + "/close-lost", "{\"reason\": \"OTHER\"}");
        assertThat(lost.status()).isEqualTo(400);
        assertThat(lost.body().get("field").asText()).isEqualTo("note");
        Response closed = rep.api().post("/api/v1/opportunities/" + id + "/close-lost",
                "{\"reason\": \"COMPETITOR\"}");
        assertThat(closed.body().get("status").asText()).isEqualTo("LOST");
        assertThat(closed.body().get("stage").get("name").asText()).isEqualTo("CLOSED_LOST");
        assertThat(closed.body().get("closedOn").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(rep.api().put("/api/v1/opportunities/" + id + "/stage", "{\"stage\": \"PROPOSAL\"}").status())
                .isEqualTo(409);
        Response reopened = rep.api().post("/api/v1/opportunities/" + id + "/reopen", "{\"stage\": \"NEGOTIATION\"}");
        assertThat(reopened.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.body().get("stage").get("probability").asInt()).isEqualTo(80);
        Response won = rep.api().post("/api/v1/opportunities/" + id + "/close-won", null);
        assertThat(won.body().get("status").asText()).isEqualTo("WON");
        assertThat(rep.api().get("/api/v1/opportunities?accountId=" + account + "&status=WON").body()
                .get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void removingTheLastLineGivesTheDealAManualAmountAgainAndItsHistoryShowsIt() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String account = account(rep, "Menuiserie Blanc");
        String product = product("Établi", "800.00");
        String manual = deal(rep, account);
        String unpriced = rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Sans montant\", \"currency\": \"EUR\", \"expectedCloseDate\": \"2027-01-31\"}").body()
                .get("id").asText();

        Response backToManual = removeTheOnlyLine(rep, manual, product);
        Response keptTotal = removeTheOnlyLine(rep, unpriced, product);

        assertThat(backToManual.status()).as(backToManual.toString()).isEqualTo(200);
        assertThat(backToManual.body().get("amount").decimalValue()).isEqualByComparingTo("10000");
        assertThat(backToManual.body().get("lineItems")).isEmpty();
        assertThat(backToManual.header("ETag")).isEqualTo("\"3\"");
        assertThat(keptTotal.body().get("amount").decimalValue()).isEqualByComparingTo("1600.00");
        await().atMost(Duration.ofSeconds(10)).until(() -> dealEntries(rep, account, manual).size() == 4);
        assertThat(dealEntries(rep, account, manual)).extracting(entry -> entry.get("type").asText()).containsExactly(
                "OpportunityOpened", "OpportunityLineItemAdded", "OpportunityLineItemRemoved",
                "OpportunityAmountChanged");
    }

    @Test
    void aWonDealMakesItsAccountACustomerOrGivesItsOwnerATaskToCompleteTheRecord() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String complete = rep.api().post("/api/v1/accounts", "{\"legalName\": \"Brasserie Faure\", \"billingAddress\": "
                + "{\"street\": \"1 place du Marché\", \"postalCode\": \"63000\", \"city\": \"Clermont-Ferrand\", "
                + "\"country\": \"FR\"}, \"siret\": \"73282932000074\", \"nafCode\": \"11.05Z\", "
                + "\"paymentTerms\": \"30 jours\"}").body().get("id").asText();
        String sparse = account(rep, "Brasserie Sans Papiers");
        String first = deal(rep, complete);
        String second = deal(rep, sparse);

        assertThat(rep.api().post("/api/v1/opportunities/" + first + "/close-won", null).status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/opportunities/" + second + "/close-won", null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> rep.api().get("/api/v1/accounts/" + complete).body()
                .get("status").asText().equals("CUSTOMER"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rep.api().get("/api/v1/activities?opportunityId="
                + second).body().get("totalElements").asInt() == 1);
        JsonNode task = rep.api().get("/api/v1/activities?opportunityId=" + second).body().get("content").get(0);
        assertThat(task.get("kind").asText()).isEqualTo("TASK");
        assertThat(task.get("ownerId").asText()).isEqualTo(rep.id());
        assertThat(task.get("accountId").asText()).isEqualTo(sparse);
        assertThat(task.get("notes").asText()).contains("billingAddress", "siret", "nafCode", "paymentTerms");
        assertThat(rep.api().get("/api/v1/accounts/" + sparse).body().get("status").asText()).isEqualTo("PROSPECT");
        assertThat(rep.api().get("/api/v1/opportunities/" + second).body().get("status").asText()).isEqualTo("WON");
        assertThat(rep.api().get("/api/v1/activities?opportunityId=" + first).body().get("totalElements").asInt())
                .isZero();
    }

    @Test
    void aMergedAccountsDealsAndActivitiesMoveToItsSurvivor() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String survivor = account(rep, "Serrurerie Renaud");
        String duplicate = account(rep, "Serrurerie Renaud SARL");
        String deal = deal(rep, duplicate);
        String call = rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Premier appel\", "
                + "\"accountId\": \"" + duplicate + "\"}").body().get("id").asText();

        assertThat(rep.api().post("/api/v1/accounts/" + survivor + "/merge", "{\"duplicateId\": \"" + duplicate + "\"}")
                .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> rep.api().get("/api/v1/opportunities/" + deal).body()
                .get("accountId").asText().equals(survivor) && rep.api().get("/api/v1/activities/" + call).body()
                .get("accountId").asText().equals(survivor));
    }

    @Test
    void dealsFollowTheirOwnersVisibilityAndRefuseBadInputWithoutWriting() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        TestUser peer = user("peer", Profile.SALES_REP, manager);
        String account = account(rep, "Transports Girard");
        String peersAccount = account(peer, "Ailleurs");
        String othersContact = peer.api().post("/api/v1/accounts/" + peersAccount + "/contacts",
                "{\"lastName\": \"Autre\"}").header("Location").replaceAll(".*/", "");
        String id = rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Flotte 2027\", \"currency\": \"EUR\", \"amount\": 80000, \"expectedCloseDate\": \"2027-06-30\"}")
                .body().get("id").asText();
        long before = storedEvents();

        assertThat(manager.api().get("/api/v1/opportunities/" + id).status()).isEqualTo(200);
        assertThat(peer.api().get("/api/v1/opportunities/" + id).status()).isEqualTo(404);
        assertThat(peer.api().put("/api/v1/opportunities/" + id + "/stage", "{\"stage\": \"PROPOSAL\"}").status())
                .isEqualTo(404);
        Map<String, Response> refused = Map.of(
                "unknown stage", rep.api().put("/api/v1/opportunities/" + id + "/stage", "{\"stage\": \"SIGNED\"}"),
                "someone else's account", rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + peersAccount
                        + "\", \"name\": \"X\", \"currency\": \"EUR\", \"expectedCloseDate\": \"2027-01-01\"}"),
                "bad currency", rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account
                        + "\", \"name\": \"X\", \"currency\": \"EUROS\", \"expectedCloseDate\": \"2027-01-01\"}"),
                "no close date", rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account
                        + "\", \"name\": \"X\", \"currency\": \"EUR\"}"),
                "contact of another account", rep.api().put("/api/v1/opportunities/" + id + "/details",
                        "{\"name\": \"Flotte\", \"primaryContactId\": \"" + othersContact + "\"}"),
                "NUL in a contact id", rep.api().put("/api/v1/opportunities/" + id + "/details",
                        "{\"name\": \"Flotte\", \"primaryContactId\": \"a\\u0000b\"}"),
                "unknown product", rep.api().post("/api/v1/opportunities/" + id + "/line-items",
                        "{\"productId\": \"no-such-product\", \"quantity\": 1}"),
                "negative amount", rep.api().put("/api/v1/opportunities/" + id + "/amount", "{\"amount\": -5}"),
                "loss without reason", rep.api().post("/api/v1/opportunities/" + id + "/close-lost", "{}"));
        Map<String, List<Object>> expected = Map.of(
                "unknown stage", List.of(400, "unknown-stage"),
                "someone else's account", List.of(400, "unknown-account"),
                "bad currency", List.of(400, "too-long"),
                "no close date", List.of(400, "required"),
                "contact of another account", List.of(400, "unknown-contact"),
                "NUL in a contact id", List.of(400, "invalid-characters"),
                "unknown product", List.of(400, "unknown-product"),
                "negative amount", List.of(400, "invalid-amount"),
                "loss without reason", List.of(400, "required"));
        expected.forEach((name, answer) -> {
            Response response = refused.get(name);
            assertThat(response.status()).as(name + " " + response).isEqualTo(answer.get(0));
            assertThat(response.body().get("type").asText()).as(name).isEqualTo("urn:relais:problem:" + answer.get(1));
        });
        assertThat(storedEvents()).isEqualTo(before);
        JsonNode stages = rep.api().get("/api/v1/opportunity-stages").body();
        assertThat(stages).extracting(stage -> stage.get("name").asText())
                .containsExactly("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION");
    }

    @Test
    void replayingTheOpportunityProjectionFromZeroGivesTheSameRows() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        String account = account(rep, "Rejeu Affaires");
        String duplicate = account(rep, "Rejeu Affaires SARL");
        String product = product("Maintenance annuelle", "450.50");
        String id = rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": \"Rejeu\", "
                + "\"currency\": \"EUR\", \"expectedCloseDate\": \"2027-02-01\"}").body().get("id").asText();
        rep.api().post("/api/v1/opportunities/" + id + "/line-items", "{\"productId\": \"" + product
                + "\", \"quantity\": 2, \"unitCost\": 100}");
        String removed = rep.api().post("/api/v1/opportunities/" + id + "/line-items", "{\"productId\": \"" + product
                + "\", \"quantity\": 1}").body().get("lineItems").get(1).get("lineId").asText();
        assertThat(rep.api().delete("/api/v1/opportunities/" + id + "/line-items/" + removed).status()).isEqualTo(200);
        rep.api().put("/api/v1/opportunities/" + id + "/stage", "{\"stage\": \"QUALIFICATION\"}");
        rep.api().post("/api/v1/opportunities/" + id + "/close-lost", "{\"reason\": \"PRICE\"}");
        rep.api().post("/api/v1/opportunities/" + id + "/reopen", "{\"stage\": \"PROPOSAL\"}");
        rep.api().post("/api/v1/opportunities/" + id + "/close-won", null);
        String moved = deal(rep, duplicate);
        rep.api().put("/api/v1/opportunities/" + moved + "/details", "{\"name\": \"Rejeu transféré\"}");
        rep.api().put("/api/v1/opportunities/" + moved + "/amount", "{\"amount\": 12500}");
        rep.api().put("/api/v1/opportunities/" + moved + "/close-date", "{\"expectedCloseDate\": \"2027-05-31\"}");
        assertThat(api().put("/api/v1/opportunities/" + moved + "/owner", "{\"ownerId\": \"" + peer.id() + "\"}")
                .status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/accounts/" + account + "/merge", "{\"duplicateId\": \"" + duplicate + "\"}")
                .status()).isEqualTo(200);
        awaitSettled();
        assertThat(api().get("/api/v1/opportunities/" + moved).body().get("accountId").asText()).isEqualTo(account);
        StreamingEventProcessor processor = processor(OpportunityProjection.PROCESSING_GROUP);
        List<String> before = rows();

        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from opportunity_history", Long.class)).isZero();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(rows()).isEqualTo(before);
    }

    private String deal(TestUser owner, String account) {
        Response opened = owner.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Contrat\", \"currency\": \"EUR\", \"amount\": 10000, \"expectedCloseDate\": \"2027-01-31\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.body().get("id").asText();
    }

    private Response removeTheOnlyLine(TestUser owner, String deal, String product) {
        Response lined = owner.api().post("/api/v1/opportunities/" + deal + "/line-items", "{\"productId\": \""
                + product + "\", \"quantity\": 2}");
        assertThat(lined.status()).as(lined.toString()).isEqualTo(200);
        String lineId = lined.body().get("lineItems").get(0).get("lineId").asText();
        return owner.api().delete("/api/v1/opportunities/" + deal + "/line-items/" + lineId);
    }

    /** The deal's entries in its account's timeline, oldest first. */
    private List<JsonNode> dealEntries(TestUser viewer, String account, String deal) {
        List<JsonNode> entries = new ArrayList<>();
        viewer.api().get("/api/v1/accounts/" + account + "/timeline?kind=OPPORTUNITY&order=asc&size=100").body()
                .get("content").forEach(entry -> {
                    if (entry.get("recordId").asText().equals(deal)) {
                        entries.add(entry);
                    }
                });
        return entries;
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>(jdbc.queryForList("select to_jsonb(o)::text from opportunity_view o "
                + "order by id", String.class));
        rows.addAll(jdbc.queryForList("select to_jsonb(h)::text from opportunity_history h order by opportunity_id, "
                + "version", String.class));
        rows.addAll(jdbc.queryForList("select to_jsonb(i)::text from deal_idleness i order by opportunity_id",
                String.class));
        return rows;
    }

    private String account(TestUser owner, String legalName) {
        Response created = owner.api().post("/api/v1/accounts", "{\"legalName\": \"" + legalName + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String product(String name, String price) {
        String id = api().post("/api/v1/products", "{\"code\": \"P-" + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"name\": \"" + name + "\", \"kind\": \"PRODUCT\", \"unit\": \"pièce\"}").body().get("id").asText();
        Response priced = api().post("/api/v1/products/" + id + "/prices", "{\"currency\": \"EUR\", \"unitPrice\": "
                + price + ", \"validFrom\": \"2020-01-01\"}");
        assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
        return id;
    }
}
