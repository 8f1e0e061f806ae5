package io.relais.customerfeed;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/v1/feeds/customers as the ERP reads it: a won deal and the customer it makes, the customer's ERP link and
 * ERP-field changes, nothing for other changes, resuming from {@code next}; a linked customer merged into a prospect;
 * an entry that cannot be written set aside and fed once retried, after the entries written meanwhile; a rebuild that
 * keeps every entry at its position; who may read it, and bad parameters.
 */
class CustomerFeedApiTest extends ApiTestSupport {

    private static final String FEED = "/api/v1/feeds/customers";

    /** Entries after a position, read a page at a time as the ERP reads them, and the position to resume from. */
    private record Feed(List<JsonNode> entries, long next) {

        List<JsonNode> of(String accountId) {
            return entries.stream().filter(entry -> entry.get("accountId").asText().equals(accountId)).toList();
        }
    }

    private static Feed read(HttpApi api, long after) {
        List<JsonNode> entries = new ArrayList<>();
        long next = after;
        boolean more = true;
        while (more) {
            Response page = api.get(FEED + "?after=" + next + "&limit=1000");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.body().get("entries").forEach(entries::add);
            next = page.body().get("next").asLong();
            more = page.body().get("more").asBoolean();
        }
        return new Feed(entries, next);
    }

    /** Waits until the feed after {@code after} holds {@code count} entries of the account; answers them. */
    private static List<JsonNode> awaitEntries(HttpApi api, long after, String accountId, int count) {
        AtomicReference<List<JsonNode>> found = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            found.set(read(api, after).of(accountId));
            return found.get().size() >= count;
        });
        assertThat(found.get()).hasSize(count);
        return found.get();
    }

    private static List<String> kinds(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("kind").asText()).toList();
    }

    private static String tag(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An account with every field a customer needs; its id. */
    private static String completeAccount(TestUser owner, String legalName) {
        return created(owner.api().post("/api/v1/accounts", "{\"legalName\": \"" + legalName + "\", "
                + "\"billingAddress\": {\"street\": \"3 quai des Chais\", \"postalCode\": \"33000\", \"city\": "
                + "\"Bordeaux\", \"country\": \"FR\"}, \"siret\": \"73282932000074\", \"nafCode\": \"16.24Z\", "
                + "\"paymentTerms\": \"30 jours fin de mois\", \"phone\": \"+33 5 56 00 00 00\"}"));
    }

    private String product(String name, String price) {
        String id = created(api().post("/api/v1/products", "{\"code\": \"F-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\", \"name\": \"" + name + "\", \"kind\": \"PRODUCT\", \"unit\": \"pièce\"}"));
        assertThat(api().post("/api/v1/products/" + id + "/prices", "{\"currency\": \"EUR\", \"unitPrice\": " + price
                + ", \"validFrom\": \"2020-01-01\"}").status()).isEqualTo(200);
        return id;
    }

    @Test
    void aDealWonWithoutAnOwnerSaysSo() {
        TestUser steward = user("steward-ownerless", Profile.DATA_STEWARD);
        long start = read(steward.api(), 0).next();
        String account = created(api().post("/api/v1/accounts", "{\"legalName\": \"" + tag("Sans titulaire")
                + "\"}"));
        String deal = created(api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Sans titulaire\", \"currency\": \"EUR\", \"amount\": 100, \"expectedCloseDate\": \"2027-03-31\"}"));
        assertThat(api().get("/api/v1/opportunities/" + deal).body().get("ownerId").isNull()).isTrue();
        assertThat(api().post("/api/v1/opportunities/" + deal + "/close-won", null).status()).isEqualTo(200);

        JsonNode dealWon = awaitEntries(steward.api(), start, account, 1).get(0);
        assertThat(dealWon.get("kind").asText()).isEqualTo("DEAL_WON");
        assertThat(dealWon.get("deal").get("ownerId").isNull()).as("the description allows it").isTrue();
    }

    @Test
    void aWonDealMakesACustomerWhoseErpLinkAndErpFieldChangesFollowAndOtherChangesDoNot() {
        TestUser rep = user("rep-feed", Profile.SALES_REP);
        TestUser steward = user("steward-feed", Profile.DATA_STEWARD);
        long start = read(steward.api(), 0).next();
        String account = completeAccount(rep, tag("Tonnellerie"));
        String contactName = tag("Nommée");
        assertThat(rep.api().post("/api/v1/accounts/" + account + "/contacts", "{\"lastName\": \"" + contactName
                + "\"}").status()).isEqualTo(201);
        String product = product("Barrique 225 L", "850.00");
        String deal = created(rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", "
                + "\"name\": \"Barriques " + contactName + "\", \"currency\": \"EUR\", "
                + "\"expectedCloseDate\": \"2027-03-31\"}"));
        String lines = "/api/v1/opportunities/" + deal + "/line-items";
        rep.api().post(lines, "{\"productId\": \"" + product + "\", \"quantity\": 4, \"discountPercent\": 5}");
        String removed = rep.api().post(lines, "{\"productId\": \"" + product + "\", \"quantity\": 1}").body()
                .get("lineItems").get(1).get("lineId").asText();
        assertThat(rep.api().delete(lines + "/" + removed).status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/opportunities/" + deal + "/close-won", null).status()).isEqualTo(200);

        List<JsonNode> won = awaitEntries(steward.api(), start, account, 2);
        assertThat(kinds(won)).as("the promotion follows the win").containsExactly("DEAL_WON", "CUSTOMER");
        JsonNode dealWon = won.get(0);
        assertThat(dealWon.get("accountStatus").asText()).isEqualTo("PROSPECT");
        assertThat(dealWon.get("userId").asText()).isEqualTo(rep.id());
        assertThat(dealWon.get("deal").get("opportunityId").asText()).isEqualTo(deal);
        assertThat(dealWon.get("deal").get("ownerId").asText()).isEqualTo(rep.id());
        assertThat(dealWon.get("deal").get("currency").asText()).isEqualTo("EUR");
        assertThat(dealWon.get("deal").get("amount").decimalValue()).isEqualByComparingTo("3230.00");
        assertThat(dealWon.get("deal").get("closedOn").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(dealWon.get("deal").get("lines")).hasSize(1);
        JsonNode line = dealWon.get("deal").get("lines").get(0);
        assertThat(line.get("productId").asText()).isEqualTo(product);
        assertThat(line.get("productName").asText()).isEqualTo("Barrique 225 L");
        assertThat(line.get("quantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("850");
        JsonNode customer = won.get(1);
        assertThat(customer.get("accountStatus").asText()).isEqualTo("CUSTOMER");
        assertThat(customer.get("userId").asText()).isEqualTo("system:won-deal");
        assertThat(customer.get("onBehalfOf").asText()).isEqualTo(rep.id());
        assertThat(customer.get("erpId").isNull()).isTrue();
        assertThat(customer.get("erpFields").get("siret").asText()).isEqualTo("73282932000074");
        assertThat(customer.get("erpFields").get("siren").asText()).isEqualTo("732829320");
        assertThat(customer.get("erpFields").get("billingAddress").get("city").asText()).isEqualTo("Bordeaux");
        assertThat(customer.get("erpFields").get("paymentTerms").asText()).isEqualTo("30 jours fin de mois");
        assertThat(customer.get("erpFields").has("phone")).as("not ERP-mastered").isFalse();
        assertThat(customer.get("position").asLong()).isGreaterThan(dealWon.get("position").asLong())
                .isGreaterThan(start);
        assertThat(customer.get("eventId").asText()).isNotEqualTo(dealWon.get("eventId").asText());

        Response first = steward.api().get(FEED + "?after=" + start + "&limit=1");
        assertThat(first.body().get("entries")).hasSize(1);
        assertThat(first.body().get("more").asBoolean()).isTrue();
        assertThat(first.body().get("next").asLong())
                .isEqualTo(first.body().get("entries").get(0).get("position").asLong());

        long resumed = read(steward.api(), start).next();
        String erpId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(steward.api().post("/api/v1/accounts/" + account + "/erp-link", "{\"erpId\": \"" + erpId + "\"}")
                .status()).isEqualTo(200);
        assertThat(rep.api().patch("/api/v1/accounts/" + account, "{\"phone\": \"+33 5 56 11 11 11\", "
                + "\"tradeName\": \"Les Chais\"}").status()).isEqualTo(200);
        assertThat(steward.api().patch("/api/v1/accounts/" + account, "{\"paymentTerms\": \"45 jours\"}").status())
                .isEqualTo(200);
        assertThat(steward.api().post("/api/v1/accounts/" + account + "/erp-sync", "{\"creditLimit\": 75000}")
                .status()).isEqualTo(200);

        List<JsonNode> later = awaitEntries(steward.api(), resumed, account, 3);
        assertThat(kinds(later)).as("the rep's changes to fields the CRM keeps are not sent")
                .containsExactly("ERP_LINKED", "ERP_FIELDS_CHANGED", "ERP_FIELDS_CHANGED");
        assertThat(later).allSatisfy(entry -> assertThat(entry.get("erpId").asText()).isEqualTo(erpId));
        assertThat(later.get(1).get("userId").asText()).isEqualTo(steward.id());
        assertThat(later.get(1).get("changes").toString()).isEqualTo("[{\"field\":\"paymentTerms\","
                + "\"oldValue\":\"30 jours fin de mois\",\"newValue\":\"45 jours\"}]");
        assertThat(later.get(1).get("erpFields").get("paymentTerms").asText()).isEqualTo("45 jours");
        assertThat(later.get(2).get("changes").get(0).get("field").asText()).isEqualTo("creditLimit");
        assertThat(later.get(2).get("erpFields").get("creditLimit").decimalValue()).isEqualByComparingTo("75000");
        assertThat(read(steward.api(), start).entries().toString()).as("no contact's name").doesNotContain(contactName);
    }

    @Test
    void aCustomerLinkedToTheErpMergedIntoAProspectMakesTheSurvivorThatCustomer() {
        TestUser rep = user("rep-feed-merge", Profile.SALES_REP);
        TestUser steward = user("steward-feed-merge", Profile.DATA_STEWARD);
        long start = read(steward.api(), 0).next();
        String prospect = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"" + tag("Morel") + "\"}"));
        String legalName = tag("MOREL SA");
        String customer = completeAccount(rep, legalName);
        assertThat(rep.api().post("/api/v1/accounts/" + customer + "/promote", null).status()).isEqualTo(200);
        String erpId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(steward.api().post("/api/v1/accounts/" + customer + "/erp-link", "{\"erpId\": \"" + erpId
                + "\"}").status()).isEqualTo(200);

        assertThat(steward.api().post("/api/v1/accounts/" + prospect + "/merge", "{\"duplicateId\": \"" + customer
                + "\"}").status()).isEqualTo(200);

        List<JsonNode> merged = awaitEntries(steward.api(), start, customer, 3);
        assertThat(kinds(merged)).containsExactly("CUSTOMER", "ERP_LINKED", "CUSTOMER_MERGED");
        assertThat(merged.get(2).get("mergedIntoId").asText()).isEqualTo(prospect);
        assertThat(merged.get(2).get("accountStatus").asText()).isEqualTo("MERGED");
        List<JsonNode> survivor = awaitEntries(steward.api(), start, prospect, 2);
        assertThat(kinds(survivor)).as("the prospect's details filled before it became a customer: no change sent")
                .containsExactly("CUSTOMER", "ERP_LINKED");
        assertThat(survivor.get(0).get("position").asLong()).isGreaterThan(merged.get(2).get("position").asLong());
        assertThat(survivor.get(0).get("userId").asText()).isEqualTo("system:account-transfer");
        assertThat(survivor.get(0).get("onBehalfOf").asText()).isEqualTo(steward.id());
        assertThat(survivor.get(0).get("erpFields").get("legalName").asText()).isEqualTo(legalName);
        assertThat(survivor.get(1).get("erpId").asText()).isEqualTo(erpId);
    }

    @Test
    void anEntryThatCannotBeWrittenIsSetAsideAndFedOnceRetriedAfterTheEntriesWrittenMeanwhile() {
        TestUser rep = user("rep-feed-failure", Profile.SALES_REP);
        long start = read(api(), 0).next();
        String failing = completeAccount(rep, tag("Distillerie"));
        String other = completeAccount(rep, tag("Verrerie"));
        jdbc.execute("create function refuse_feed_entry() returns trigger language plpgsql as $$ begin "
                + "raise exception 'the feed refuses this entry'; end $$");
        jdbc.execute("create trigger refuse_feed_entry before insert on customer_feed_entry for each row "
                + "when (new.account_id = '" + failing + "') execute function refuse_feed_entry()");
        try {
            assertThat(rep.api().post("/api/v1/accounts/" + failing + "/promote", null).status()).isEqualTo(200);
            await().atMost(Duration.ofMinutes(1)).until(() -> api()
                    .get("/api/v1/admin/processors/customer-feed/dead-letters").body().get("total").asLong() == 1);
            assertThat(rep.api().post("/api/v1/accounts/" + other + "/promote", null).status()).isEqualTo(200);
            awaitEntries(api(), start, other, 1);
            assertThat(read(api(), start).of(failing)).isEmpty();
        } finally {
            jdbc.execute("drop trigger refuse_feed_entry on customer_feed_entry");
            jdbc.execute("drop function refuse_feed_entry()");
        }

        Response retried = api().post("/api/v1/admin/processors/customer-feed/dead-letters/retry", null);
        assertThat(retried.body().get("deadLettersLeft").asLong()).as(retried.toString()).isZero();
        List<JsonNode> fed = awaitEntries(api(), start, failing, 1);
        assertThat(fed.get(0).get("kind").asText()).isEqualTo("CUSTOMER");
        assertThat(fed.get(0).get("position").asLong()).as("never below a position already served")
                .isGreaterThan(read(api(), start).of(other).get(0).get("position").asLong());
    }

    @Test
    void aRebuildKeepsEveryEntryAtItsPositionAndGivesTheSameWorkingState() {
        TestUser rep = user("rep-feed-rebuild", Profile.SALES_REP);
        String account = completeAccount(rep, tag("Cartonnerie"));
        assertThat(rep.api().post("/api/v1/accounts/" + account + "/promote", null).status()).isEqualTo(200);
        awaitSettled();
        Map<String, List<String>> before = tables();
        assertThat(before.get("customer_feed_entry")).anyMatch(row -> row.contains(account));

        StreamingEventProcessor processor = processor(CustomerFeedProjection.PROCESSING_GROUP);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void dataStewardsAndAdministratorsReadTheFeedAndBadParametersAreRefused() {
        TestUser manager = user("manager-feed", Profile.SALES_MANAGER);
        for (TestUser refused : List.of(user("rep-feed-access", Profile.SALES_REP, manager), manager,
                user("analyst-feed", Profile.ANALYST), user("auditor-feed", Profile.AUDITOR))) {
            assertThat(refused.api().get(FEED).status()).as(refused.id()).isEqualTo(403);
        }
        assertThat(anonymous().get(FEED).status()).isEqualTo(401);
        Response empty = api().get(FEED + "?after=" + Long.MAX_VALUE);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().get("entries")).isEmpty();
        assertThat(empty.body().get("next").asLong()).as("the position asked for").isEqualTo(Long.MAX_VALUE);
        assertThat(empty.body().get("more").asBoolean()).isFalse();

        HttpApi steward = user("steward-feed-params", Profile.DATA_STEWARD).api();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("after=-1", "after");
        bad.put("after=first", "after");
        bad.put("limit=0", "limit");
        bad.put("limit=1001", "limit");
        bad.put("limit=many", "limit");
        bad.forEach((query, parameter) -> {
            Response answer = steward.get(FEED + "?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.body().get("type").asText()).isEqualTo("urn:relais:problem:invalid-parameter");
            assertThat(answer.body().get("field").asText()).as(query).isEqualTo(parameter);
        });
    }

    /** The feed's tables, each as its rows in a stable order. */
    private Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : List.of("customer_feed_entry", "customer_feed_account", "customer_feed_deal")) {
            tables.put(table, jdbc.queryForList("select to_jsonb(t)::text from " + table + " t order by 1",
                    String.class));
        }
        return tables;
    }
}
