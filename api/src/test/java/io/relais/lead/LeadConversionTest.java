package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.account.LeadConvertedIntoAccount;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A qualified lead becomes an account's contact in one request, safe to retry. */
class LeadConversionTest extends ApiTestSupport {

    @Test
    void aQualifiedLeadBecomesANewAccountAndItsContactAndARetryChangesNothing() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String leadId = qualifiedLead(rep, "\"company\": \"Fromagerie Étoile\", \"nafCode\": \"10.51C\", "
                + "\"postalCode\": \"74000\", \"city\": \"Annecy\", \"country\": \"FR\"");

        Response converted = rep.api().post("/api/v1/leads/" + leadId + "/convert", "{}");

        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        assertThat(converted.body().get("accountCreated").asBoolean()).isTrue();
        String accountId = converted.body().get("accountId").asText();
        String contactId = converted.body().get("contactId").asText();
        JsonNode lead = rep.api().get("/api/v1/leads/" + leadId).body();
        assertThat(lead.get("status").asText()).isEqualTo("CONVERTED");
        assertThat(lead.get("convertedAccountId").asText()).isEqualTo(accountId);
        assertThat(lead.get("convertedContactId").asText()).isEqualTo(contactId);
        JsonNode account = rep.api().get("/api/v1/accounts/" + accountId).body();
        assertThat(account.get("ownerId").asText()).isEqualTo(rep.id());
        assertThat(account.get("details").get("legalName").asText()).isEqualTo("Fromagerie Étoile");
        assertThat(account.get("details").get("nafCode").asText()).isEqualTo("10.51C");
        assertThat(account.get("details").get("billingAddress").get("city").asText()).isEqualTo("Annecy");
        JsonNode contact = rep.api().get("/api/v1/accounts/" + accountId + "/contacts").body().get(0);
        assertThat(contact.get("id").asText()).isEqualTo(contactId);
        assertThat(contact.get("leadId").asText()).isEqualTo(leadId);
        assertThat(contact.get("details").get("lastName").asText()).isEqualTo("Fontaine");
        assertThat(contact.get("details").get("emails").get(0).asText()).endsWith("@example.fr");
        assertThat(contact.get("details").get("relationshipOrigin").asText()).isEqualTo("Lead WEB_FORM");
        assertThat(eventsOf(accountId)).filteredOn(event -> event.getPayloadType() == LeadConvertedIntoAccount.class)
                .hasSize(1);

        long before = storedEvents();
        Response retried = rep.api().post("/api/v1/leads/" + leadId + "/convert", "{}");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("accountId").asText()).isEqualTo(accountId);
        assertThat(retried.body().get("contactId").asText()).isEqualTo(contactId);
        assertThat(storedEvents()).isEqualTo(before);
        Response update = rep.api().patch("/api/v1/leads/" + leadId, "{\"city\": \"Lyon\"}");
        assertThat(update.status()).isEqualTo(409);
    }

    @Test
    void aRetryWithAnotherBodyIsRefusedAndChangesNothing() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String account = rep.api().post("/api/v1/accounts", "{\"legalName\": \"Autre compte\"}").body().get("id")
                .asText();
        String leadId = qualifiedLead(rep, "\"company\": \"Verrerie Dumas\"");
        Response converted = rep.api().post("/api/v1/leads/" + leadId + "/convert", "{}");
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        long before = storedEvents();

        Response otherName = rep.api().post("/api/v1/leads/" + leadId + "/convert", "{\"legalName\": \"Dumas SA\"}");
        Response otherAccount = rep.api().post("/api/v1/leads/" + leadId + "/convert",
                "{\"accountId\": \"" + account + "\"}");
        Response withADeal = rep.api().post("/api/v1/leads/" + leadId + "/convert", "{\"opportunity\": {\"name\": "
                + "\"Vitrages\", \"currency\": \"EUR\", \"amount\": 5000, \"expectedCloseDate\": \"2027-02-28\"}}");
        Response withoutBody = rep.api().post("/api/v1/leads/" + leadId + "/convert", null);

        for (Response refused : List.of(otherName, otherAccount, withADeal)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:conversion-differs");
            assertThat(refused.body().get("field").asText()).isEqualTo("body");
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(withoutBody.status()).as(withoutBody.toString()).isEqualTo(200);
        assertThat(withoutBody.body().get("accountId").asText()).isEqualTo(converted.body().get("accountId").asText());
    }

    @Test
    void aLeadConvertsIntoAnExistingAccount() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String accountId = rep.api().post("/api/v1/accounts", "{\"legalName\": \"Client existant SA\"}")
                .body().get("id").asText();
        String leadId = qualifiedLead(rep, "\"company\": \"Client Existant\"");

        Response converted = rep.api().post("/api/v1/leads/" + leadId + "/convert",
                "{\"accountId\": \"" + accountId + "\"}");

        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        assertThat(converted.body().get("accountCreated").asBoolean()).isFalse();
        assertThat(converted.body().get("accountId").asText()).isEqualTo(accountId);
        assertThat(rep.api().get("/api/v1/accounts/" + accountId + "/contacts").body()).hasSize(1);
        assertThat(rep.api().get("/api/v1/accounts?q=client%20existant").body().get("totalElements").asInt())
                .isEqualTo(1);
    }

    @Test
    void aConversionOpensTheDealItIsAskedForWithTheContactAsPrimaryContactAndARetryOpensNoOther() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String leadId = qualifiedLead(rep, "\"company\": \"Atelier Garnier\"");
        String request = "{\"opportunity\": {\"name\": \"Premier équipement\", \"currency\": \"eur\", "
                + "\"amount\": 12000, \"expectedCloseDate\": \"2027-02-28\"}}";

        Response converted = rep.api().post("/api/v1/leads/" + leadId + "/convert", request);
        Response retried = rep.api().post("/api/v1/leads/" + leadId + "/convert", request);

        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        String dealId = converted.body().get("opportunityId").asText();
        assertThat(retried.body().get("opportunityId").asText()).isEqualTo(dealId);
        JsonNode deal = rep.api().get("/api/v1/opportunities/" + dealId).body();
        assertThat(deal.get("accountId").asText()).isEqualTo(converted.body().get("accountId").asText());
        assertThat(deal.get("primaryContactId").asText()).isEqualTo(converted.body().get("contactId").asText());
        assertThat(deal.get("leadId").asText()).isEqualTo(leadId);
        assertThat(deal.get("ownerId").asText()).isEqualTo(rep.id());
        assertThat(deal.get("currency").asText()).isEqualTo("EUR");
        assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("12000");
        assertThat(rep.api().get("/api/v1/opportunities?accountId=" + deal.get("accountId").asText()).body()
                .get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void aConversionWithABadDealIsRefusedBeforeAnythingIsWritten() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String leadId = qualifiedLead(rep, "\"company\": \"Atelier Sans Date\"");
        long before = storedEvents();

        Response refused = rep.api().post("/api/v1/leads/" + leadId + "/convert", "{\"opportunity\": {\"name\": "
                + "\"Sans date\", \"currency\": \"EUR\"}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo("opportunity.expectedCloseDate");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(rep.api().get("/api/v1/leads/" + leadId).body().get("status").asText()).isEqualTo("QUALIFIED");
    }

    @Test
    void aConversionThatCannotBeDoneIsRefusedBeforeAnythingIsWritten() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        String peersAccount = peer.api().post("/api/v1/accounts", "{\"legalName\": \"Chez le voisin\"}")
                .body().get("id").asText();
        String notQualified = rep.api().post("/api/v1/leads", lead(rep, "\"company\": \"Pas encore\""))
                .body().get("id").asText();
        String noCompany = qualifiedLead(rep, "\"phone\": \"+33 6 00 00 00 01\"");
        String qualified = qualifiedLead(rep, "\"company\": \"Prêt\"");
        long before = storedEvents();

        Response early = rep.api().post("/api/v1/leads/" + notQualified + "/convert", "{}");
        Response nameless = rep.api().post("/api/v1/leads/" + noCompany + "/convert", "{}");
        Response unknownAccount = rep.api().post("/api/v1/leads/" + qualified + "/convert",
                "{\"accountId\": \"no-such-account\"}");
        Response othersAccount = rep.api().post("/api/v1/leads/" + qualified + "/convert",
                "{\"accountId\": \"" + peersAccount + "\"}");
        Response notVisible = peer.api().post("/api/v1/leads/" + qualified + "/convert", "{}");
        Response stale = rep.api().send("POST", "/api/v1/leads/" + qualified + "/convert", "{}",
                "application/json", "If-Match", "\"0\"");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("type").asText()).isEqualTo("urn:relais:problem:invalid-transition");
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.body().get("field").asText()).isEqualTo("legalName");
        assertThat(unknownAccount.body().get("type").asText()).isEqualTo("urn:relais:problem:unknown-account");
        assertThat(othersAccount.body().get("type").asText()).isEqualTo("urn:relais:problem:unknown-account");
        assertThat(notVisible.status()).isEqualTo(404);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("type").asText()).isEqualTo("urn:relais:problem:stale-version");
        assertThat(storedEvents()).isEqualTo(before);

        Response named = rep.api().post("/api/v1/leads/" + noCompany + "/convert", "{\"legalName\": \"Nommée SAS\"}");
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
    }

    /** The contact's origin is the lead's source and detail, cut to 200 characters: never inside a character. */
    @Test
    void aSourceDetailCutForTheContactsOriginKeepsWholeCharacters() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String detail = "x".repeat(184) + "\ud83d\ude00";
        String leadId = qualifiedLead(rep, "\"company\": \"Cave Lumière\", \"sourceDetail\": \"" + detail + "\"");

        Response converted = rep.api().post("/api/v1/leads/" + leadId + "/convert", "{}");

        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        JsonNode contact = rep.api().get("/api/v1/accounts/" + converted.body().get("accountId").asText()
                + "/contacts").body().get(0);
        assertThat(contact.get("details").get("relationshipOrigin").asText())
                .isEqualTo("Lead WEB_FORM: " + "x".repeat(184));
    }

    private String qualifiedLead(TestUser owner, String fields) {
        String id = owner.api().post("/api/v1/leads", lead(owner, fields)).body().get("id").asText();
        assertThat(owner.api().post("/api/v1/leads/" + id + "/qualify", null).status()).isEqualTo(200);
        return id;
    }

    private static String lead(TestUser owner, String fields) {
        return "{\"firstName\": \"Léa\", \"lastName\": \"Fontaine\", \"email\": \"" + UUID.randomUUID()
                + "@example.fr\", \"source\": \"WEB_FORM\", \"ownerId\": \"" + owner.id() + "\", " + fields + "}";
    }
}
