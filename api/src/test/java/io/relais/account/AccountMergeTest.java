package io.relais.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.messaging.ActingContext;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Duplicate accounts merged over HTTP: what moves to the survivor, what the duplicate becomes, who may. */
class AccountMergeTest extends ApiTestSupport {

    @Autowired
    private CommandGateway commands;

    @Test
    void theDuplicatesContactsLeadsAndBlankFieldsGoToTheSurvivorAndTheDuplicateEnds() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String survivor = account(rep, "{\"legalName\": \"Boulangerie Dupont\", \"website\": \"dupont.example.fr\"}");
        String duplicate = account(rep, "{\"legalName\": \"Boulangerie Dupont SARL\", \"phone\": \"04 78 12 34 56\", "
                + "\"website\": \"https://autre.example.fr\"}");
        String contact = rep.api().post("/api/v1/accounts/" + duplicate + "/contacts",
                "{\"firstName\": \"Marc\", \"lastName\": \"Dupont\"}").header("Location").replaceAll(".*/", "");
        String lead = qualifiedLead(rep, "Boulangerie Dupont");
        Response converted = rep.api().post("/api/v1/leads/" + lead + "/convert",
                "{\"accountId\": \"" + duplicate + "\"}");
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);

        Response merged = rep.api().post("/api/v1/accounts/" + survivor + "/merge",
                "{\"duplicateId\": \"" + duplicate + "\"}");

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.body().get("mergedAccountIds")).extracting(JsonNode::asText).containsExactly(duplicate);
        assertThat(merged.body().get("details").get("phone").asText()).isEqualTo("04 78 12 34 56");
        assertThat(merged.body().get("details").get("website").asText()).isEqualTo("dupont.example.fr");
        assertThat(merged.body().get("details").get("legalName").asText()).isEqualTo("Boulangerie Dupont");
        JsonNode contacts = rep.api().get("/api/v1/accounts/" + survivor + "/contacts").body();
        assertThat(contacts).extracting(c -> c.get("id").asText())
                .containsExactlyInAnyOrder(contact, converted.body().get("contactId").asText());
        JsonNode gone = rep.api().get("/api/v1/accounts/" + duplicate).body();
        assertThat(gone.get("status").asText()).isEqualTo("MERGED");
        assertThat(gone.get("mergedIntoId").asText()).isEqualTo(survivor);
        assertThat(rep.api().get("/api/v1/accounts/" + duplicate + "/contacts").body()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> rep.api().get("/api/v1/leads/" + lead).body()
                .get("convertedAccountId").asText().equals(survivor));
        List<? extends DomainEventMessage<?>> events = eventsOf(duplicate);
        assertThat(events.get(events.size() - 1).getPayloadType()).isEqualTo(AccountMergedInto.class);

        long before = storedEvents();
        Response retried = rep.api().post("/api/v1/accounts/" + survivor + "/merge",
                "{\"duplicateId\": \"" + duplicate + "\"}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);

        Response changeMerged = rep.api().patch("/api/v1/accounts/" + duplicate, "{\"tradeName\": \"Trop tard\"}");
        assertThat(changeMerged.status()).isEqualTo(409);
        assertThat(changeMerged.body().get("currentStatus").asText()).isEqualTo("MERGED");
    }

    @Test
    void aCustomerLinkedToTheErpMergedIntoAProspectMakesItTheErpCustomer() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser steward = user("steward", Profile.DATA_STEWARD);
        String prospect = account(rep, "{\"legalName\": \"Dupont et Fils\", \"phone\": \"04 78 00 00 01\"}");
        String customer = account(rep, "{\"legalName\": \"DUPONT ET FILS SA\", \"billingAddress\": {\"street\": "
                + "\"3 quai Rambaud\", \"postalCode\": \"69002\", \"city\": \"Lyon\", \"country\": \"FR\"}, "
                + "\"siret\": \"73282932000074\", \"nafCode\": \"36.00Z\", \"paymentTerms\": \"45 days\"}");
        assertThat(rep.api().post("/api/v1/accounts/" + customer + "/promote", null).status()).isEqualTo(200);
        assertThat(steward.api().post("/api/v1/accounts/" + customer + "/erp-link", "{\"erpId\": \"C-"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}").status()).isEqualTo(200);
        String erpId = rep.api().get("/api/v1/accounts/" + customer).body().get("erpId").asText();

        Response merged = steward.api().post("/api/v1/accounts/" + prospect + "/merge",
                "{\"duplicateId\": \"" + customer + "\"}");

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode survivor = merged.body();
        assertThat(survivor.get("status").asText()).isEqualTo("CUSTOMER");
        assertThat(survivor.get("erpId").asText()).isEqualTo(erpId);
        assertThat(survivor.get("details").get("legalName").asText()).isEqualTo("DUPONT ET FILS SA");
        assertThat(survivor.get("details").get("siret").asText()).isEqualTo("73282932000074");
        assertThat(survivor.get("details").get("phone").asText()).isEqualTo("04 78 00 00 01");
    }

    @Test
    void mergesAreRefusedForTheSameAccountAnAccountMergedElsewhereAndWhatTheCallerCannotSeeOrChange() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        TestUser auditor = user("auditor", Profile.AUDITOR);
        String first = account(rep, "{\"legalName\": \"Premier\"}");
        String second = account(rep, "{\"legalName\": \"Second\"}");
        String third = account(rep, "{\"legalName\": \"Troisième\"}");
        String peers = account(peer, "{\"legalName\": \"Chez le voisin\"}");
        long before = storedEvents();

        Response itself = rep.api().post("/api/v1/accounts/" + first + "/merge", "{\"duplicateId\": \"" + first + "\"}");
        Response notVisible = rep.api().post("/api/v1/accounts/" + first + "/merge", "{\"duplicateId\": \"" + peers
                + "\"}");
        Response survivorNotVisible = rep.api().post("/api/v1/accounts/" + peers + "/merge",
                "{\"duplicateId\": \"" + first + "\"}");
        Response readOnly = auditor.api().post("/api/v1/accounts/" + first + "/merge", "{\"duplicateId\": \""
                + second + "\"}");
        Response missing = rep.api().post("/api/v1/accounts/" + first + "/merge", "{}");

        assertThat(itself.status()).isEqualTo(400);
        assertThat(itself.body().get("type").asText()).isEqualTo("urn:relais:problem:same-record");
        assertThat(notVisible.status()).isEqualTo(400);
        assertThat(notVisible.body().get("type").asText()).isEqualTo("urn:relais:problem:unknown-account");
        assertThat(notVisible.body().get("field").asText()).isEqualTo("duplicateId");
        assertThat(survivorNotVisible.status()).isEqualTo(404);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("field").asText()).isEqualTo("duplicateId");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(rep.api().post("/api/v1/accounts/" + first + "/merge", "{\"duplicateId\": \"" + second + "\"}")
                .status()).isEqualTo(200);
        Response mergedElsewhere = rep.api().post("/api/v1/accounts/" + third + "/merge",
                "{\"duplicateId\": \"" + second + "\"}");
        Response intoMerged = rep.api().post("/api/v1/accounts/" + second + "/merge",
                "{\"duplicateId\": \"" + third + "\"}");
        assertThat(mergedElsewhere.status()).isEqualTo(409);
        assertThat(mergedElsewhere.body().get("currentStatus").asText()).isEqualTo("MERGED");
        assertThat(intoMerged.status()).isEqualTo(409);
    }

    @Test
    void aContactMovesToAnotherAccountWithItsLinksAndTheOldAccountNoLongerListsIt() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        String from = account(rep, "{\"legalName\": \"Ancienne Société\"}");
        String to = account(rep, "{\"legalName\": \"Nouvelle Société\"}");
        String peers = account(peer, "{\"legalName\": \"Ailleurs\"}");
        String moving = contact(rep, from, "{\"firstName\": \"Inès\", \"lastName\": \"Moreau\"}");
        String staying = contact(rep, from, "{\"firstName\": \"Luc\", \"lastName\": \"Garnier\"}");
        assertThat(rep.api().post("/api/v1/accounts/" + from + "/contacts/" + moving + "/links",
                "{\"linkedContactId\": \"" + staying + "\", \"kind\": \"COLLEAGUE\"}").status()).isEqualTo(200);

        Response moved = rep.api().post("/api/v1/accounts/" + from + "/contacts/" + moving + "/move",
                "{\"toAccountId\": \"" + to + "\"}");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.header("Location")).isEqualTo("/api/v1/accounts/" + to + "/contacts/" + moving);
        assertThat(moved.body().get("accountId").asText()).isEqualTo(to);
        assertThat(moved.body().get("links").get(0).get("linkedContactId").asText()).isEqualTo(staying);
        assertThat(rep.api().get("/api/v1/accounts/" + from + "/contacts").body())
                .extracting(c -> c.get("id").asText()).containsExactly(staying);
        assertThat(rep.api().get("/api/v1/accounts/" + to + "/contacts").body())
                .extracting(c -> c.get("id").asText()).containsExactly(moving);

        long before = storedEvents();
        Response toPeer = rep.api().post("/api/v1/accounts/" + to + "/contacts/" + moving + "/move",
                "{\"toAccountId\": \"" + peers + "\"}");
        Response toItself = rep.api().post("/api/v1/accounts/" + to + "/contacts/" + moving + "/move",
                "{\"toAccountId\": \"" + to + "\"}");
        Response unknownContact = rep.api().post("/api/v1/accounts/" + from + "/contacts/" + moving + "/move",
                "{\"toAccountId\": \"" + to + "\"}");
        assertThat(toPeer.status()).isEqualTo(400);
        assertThat(toPeer.body().get("type").asText()).isEqualTo("urn:relais:problem:unknown-account");
        assertThat(toItself.status()).isEqualTo(400);
        assertThat(toItself.body().get("type").asText()).isEqualTo("urn:relais:problem:same-account");
        assertThat(unknownContact.status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** The API checks the target first; sent straight to the command bus, the process still loses nothing. */
    @Test
    void aContactWhoseNewAccountDoesNotExistGoesBackToTheAccountItLeft() throws Exception {
        TestUser rep = user("rep", Profile.SALES_REP);
        String from = account(rep, "{\"legalName\": \"Point de départ\"}");
        String contact = contact(rep, from, "{\"lastName\": \"Retour\"}");

        new ActingContext(rep.id(), null, "test-" + UUID.randomUUID()).call(() ->
                commands.sendAndWait(new MoveContact(from, contact, "no-such-account", null)));

        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(from).stream()
                .filter(event -> event.getPayloadType() == ContactMovedIn.class).count() == 1);
        Response update = rep.api().put("/api/v1/accounts/" + from + "/contacts/" + contact,
                "{\"lastName\": \"Retour\", \"jobTitle\": \"Revenu\"}");
        assertThat(update.status()).as(update.toString()).isEqualTo(200);
        assertThat(rep.api().get("/api/v1/accounts/" + from + "/contacts").body()).extracting(c -> c.get("id").asText())
                .containsExactly(contact);
    }

    private String account(TestUser owner, String body) {
        Response created = owner.api().post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String contact(TestUser owner, String accountId, String body) {
        Response added = owner.api().post("/api/v1/accounts/" + accountId + "/contacts", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.header("Location").replaceAll(".*/", "");
    }

    private String qualifiedLead(TestUser owner, String company) {
        String id = owner.api().post("/api/v1/leads", "{\"firstName\": \"Anne\", \"lastName\": \"Dupont\", "
                + "\"email\": \"" + UUID.randomUUID() + "@example.fr\", \"company\": \"" + company
                + "\", \"source\": \"WEB_FORM\", \"ownerId\": \"" + owner.id() + "\"}").body().get("id").asText();
        assertThat(owner.api().post("/api/v1/leads/" + id + "/qualify", null).status()).isEqualTo(200);
        return id;
    }

}
