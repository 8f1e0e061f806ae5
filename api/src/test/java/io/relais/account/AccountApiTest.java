package io.relais.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts and their contacts over HTTP: the flexible prospect, the exacting customer, and who may do what. */
class AccountApiTest extends ApiTestSupport {

    private static final String BILLING = "{\"street\": \"12 rue de la République\", \"postalCode\": \"69002\", "
            + "\"city\": \"Lyon\", \"country\": \"FR\"}";

    @Test
    void aProspectNeedsOnlyItsLegalNameAndBecomesACustomerOnceTheErpFieldsAreThere() {
        TestUser rep = user("rep", Profile.SALES_REP);
        Response created = rep.api().post("/api/v1/accounts",
                "{\"legalName\": \"  Société Générale des Eaux  \", \"ownerId\": \"" + rep.id() + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/" + id);
        assertThat(created.body().get("status").asText()).isEqualTo("PROSPECT");
        assertThat(created.body().get("details").get("legalName").asText()).isEqualTo("Société Générale des Eaux");

        Response refused = rep.api().post("/api/v1/accounts/" + id + "/promote", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:erp-fields-missing");
        assertThat(refused.body().get("missingFields")).extracting(JsonNode::asText)
                .containsExactly("billingAddress", "siret", "nafCode", "paymentTerms");
        assertThat(refused.body().get("errors")).extracting(error -> error.get("field").asText() + " "
                + error.get("code").asText()).containsExactly("billingAddress erp-fields-missing",
                "siret erp-fields-missing", "nafCode erp-fields-missing", "paymentTerms erp-fields-missing");
        assertThat(refused.body().get("field").asText()).isEqualTo("billingAddress");

        Response completed = rep.api().patch("/api/v1/accounts/" + id, "{\"billingAddress\": " + BILLING
                + ", \"siret\": \"732 829 320 00074\", \"nafCode\": \"3600z\", \"paymentTerms\": \"30 days net\", "
                + "\"creditLimit\": 50000.00, \"ourShare\": 12.5}", "If-Match", "\"0\"");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.body().get("details").get("siren").asText()).isEqualTo("732829320");
        assertThat(completed.body().get("details").get("nafCode").asText()).isEqualTo("36.00Z");

        Response promoted = rep.api().post("/api/v1/accounts/" + id + "/promote", null);
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.body().get("status").asText()).isEqualTo("CUSTOMER");
        assertThat(rep.api().post("/api/v1/accounts/" + id + "/promote", null).status()).isEqualTo(409);
    }

    @Test
    void onceLinkedToTheErpItsFieldsChangeOnlyThroughADataSteward() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser steward = user("steward", Profile.DATA_STEWARD);
        String id = customer(rep);

        assertThat(rep.api().post("/api/v1/accounts/" + id + "/erp-link", "{\"erpId\": \"C-1\"}").status())
                .isEqualTo(403);
        Response linked = steward.api().post("/api/v1/accounts/" + id + "/erp-link", "{\"erpId\": \"C-1\"}");
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.body().get("erpId").asText()).isEqualTo("C-1");

        Response repOnErpField = rep.api().patch("/api/v1/accounts/" + id, "{\"paymentTerms\": \"60 days\"}");
        Response repOnCrmField = rep.api().patch("/api/v1/accounts/" + id, "{\"tradeName\": \"Eaux de Lyon\"}");
        Response stewardOnErpField = steward.api().patch("/api/v1/accounts/" + id, "{\"paymentTerms\": \"45 days\"}");
        Response sync = steward.api().post("/api/v1/accounts/" + id + "/erp-sync", "{\"creditLimit\": 75000}");
        Response syncOfCrmField = steward.api().post("/api/v1/accounts/" + id + "/erp-sync",
                "{\"tradeName\": \"X\"}");

        assertThat(repOnErpField.status()).isEqualTo(403);
        assertThat(repOnCrmField.status()).isEqualTo(200);
        assertThat(stewardOnErpField.status()).as(stewardOnErpField.toString()).isEqualTo(200);
        assertThat(sync.status()).as(sync.toString()).isEqualTo(200);
        assertThat(syncOfCrmField.status()).isEqualTo(400);
        assertThat(syncOfCrmField.body().get("type").asText()).isEqualTo("urn:relais:problem:not-erp-mastered");
        JsonNode details = rep.api().get("/api/v1/accounts/" + id).body().get("details");
        assertThat(details.get("paymentTerms").asText()).isEqualTo("45 days");
        assertThat(details.get("tradeName").asText()).isEqualTo("Eaux de Lyon");
        assertThat(details.get("creditLimit").decimalValue()).isEqualByComparingTo("75000");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("POST", "", "{\"tradeName\": \"No legal name\"}", 400, "required", "legalName"),
                Arguments.of("POST", "", "{\"legalName\": \"X\", \"siret\": \"73282932000075\"}", 400,
                        "invalid-siret", "siret"),
                Arguments.of("POST", "", "{\"legalName\": \"X\", \"siren\": \"552100554\", "
                        + "\"siret\": \"73282932000074\"}", 400, "siret-siren-mismatch", "siret"),
                Arguments.of("POST", "", "{\"legalName\": \"X\", \"headcount\": \"many\"}", 400, "invalid-value",
                        "headcount"),
                Arguments.of("POST", "", "{\"legalName\": \"X\", \"colour\": \"blue\"}", 400, "invalid-value",
                        "colour"),
                Arguments.of("POST", "", "{\"legalName\": \"X\", \"billingAddress\": {\"country\": \"Francia\"}}",
                        400, "invalid-country", "billingAddress.country"),
                Arguments.of("POST", "", "{\"legalName\": \"X\", \"creditLimit\": -1}", 400, "invalid-amount",
                        "creditLimit"),
                Arguments.of("POST", "", "[1, 2]", 400, "invalid-body", "body"),
                Arguments.of("PATCH", "/{id}", "{\"status\": \"CUSTOMER\"}", 400, "unknown-field", "status"),
                Arguments.of("PATCH", "/{id}", "{\"ourShare\": 120}", 400, "out-of-range", "ourShare"),
                Arguments.of("PATCH", "/{id}", "{\"nafCode\": \"62-01\"}", 400, "invalid-naf-code", "nafCode"),
                Arguments.of("PATCH", "/{id}", "{}", 400, "no-changes", "changes"),
                Arguments.of("POST", "/{id}/contacts", "{\"jobTitle\": \"CFO\"}", 400, "required", "lastName"),
                Arguments.of("POST", "/{id}/contacts", "{\"lastName\": \"Roy\", \"emails\": [\"ok@example.fr\", "
                        + "\"nope\"]}", 400, "invalid-email", "emails[1]"),
                Arguments.of("POST", "/{id}/contacts", "{\"lastName\": \"Roy\", \"decisionRole\": \"KING\"}", 400,
                        "invalid-value", "decisionRole"),
                Arguments.of("PUT", "/{id}/contacts/no-such-contact", "{\"lastName\": \"Roy\"}", 404, "not-found", "id"));
    }

    @ParameterizedTest(name = "{0} {1}: {4}")
    @MethodSource("badInput")
    void badInputIsRefusedWithAProblemAndChangesNothing(String method, String path, String body, int status,
                                                         String code, String field) {
        String id = api().post("/api/v1/accounts", "{\"legalName\": \"Cible SARL\"}").body().get("id").asText();
        long before = storedEvents();

        Response refused = api().send(method, "/api/v1/accounts" + path.replace("{id}", id), body,
                method.equals("PATCH") ? "application/merge-patch+json" : "application/json");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:" + code);
        assertThat(refused.body().get("field").asText()).isEqualTo(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void contactsLiveInTheirAccountAndAreSeenByWhoeverSeesTheAccount() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        TestUser peer = user("peer", Profile.SALES_REP, manager);
        String id = rep.api().post("/api/v1/accounts", "{\"legalName\": \"Contacts SA\", \"ownerId\": \""
                + rep.id() + "\"}").body().get("id").asText();

        Response added = rep.api().post("/api/v1/accounts/" + id + "/contacts", "{\"firstName\": \"Inès\", "
                + "\"lastName\": \"Roy\", \"jobTitle\": \"DAF\", \"emails\": [\"ines.roy@example.fr\", "
                + "\"INES.ROY@example.fr\"], \"decisionRole\": \"DECISION_MAKER\", \"relationshipOrigin\": \"Salon\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String ines = added.header("Location").substring(added.header("Location").lastIndexOf('/') + 1);
        String paul = rep.api().post("/api/v1/accounts/" + id + "/contacts", "{\"lastName\": \"Paul\"}")
                .header("Location").replaceAll(".*/", "");
        Response linked = rep.api().post("/api/v1/accounts/" + id + "/contacts/" + paul + "/links",
                "{\"linkedContactId\": \"" + ines + "\", \"kind\": \"REPORTS_TO\"}");
        Response updated = rep.api().put("/api/v1/accounts/" + id + "/contacts/" + ines,
                "{\"firstName\": \"Inès\", \"lastName\": \"Roy-Martin\", \"emails\": [\"ines.roy@example.fr\"]}");

        assertThat(linked.status()).isEqualTo(200);
        assertThat(updated.status()).isEqualTo(200);
        List<JsonNode> contacts = new ArrayList<>();
        manager.api().get("/api/v1/accounts/" + id + "/contacts").body().forEach(contacts::add);
        assertThat(contacts).extracting(c -> c.get("details").get("lastName").asText())
                .containsExactly("Paul", "Roy-Martin");
        assertThat(contacts.get(0).get("links").get(0).get("linkedContactId").asText()).isEqualTo(ines);
        assertThat(contacts.get(1).get("details").get("emails")).hasSize(1);
        assertThat(peer.api().get("/api/v1/accounts/" + id + "/contacts").status()).isEqualTo(404);
        assertThat(peer.api().get("/api/v1/accounts/" + id).status()).isEqualTo(404);
        assertThat(peer.api().post("/api/v1/accounts/" + id + "/contacts", "{\"lastName\": \"Intrus\"}").status())
                .isEqualTo(404);
        assertThat(peer.api().get("/api/v1/accounts?q=contacts%20sa").body().get("totalElements").asInt()).isZero();
        assertThat(manager.api().get("/api/v1/accounts?q=contacts%20sa&ownerId=" + rep.id()).body()
                .get("totalElements").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}, whatever If-Match says")
    @ValueSource(strings = {"update", "owner", "promote", "erp-link", "contact", "move-contact"})
    void aWriteOnAnAccountTheCallerMayNotSeeAnswersAsOnAMissingOne(String write) {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        TestUser peer = user("peer", Profile.SALES_REP, manager);
        String hidden = customer(rep);
        String contact = rep.api().post("/api/v1/accounts/" + hidden + "/contacts", "{\"lastName\": \"Roy\"}")
                .header("Location").replaceAll(".*/", "");
        String peersAccount = customer(peer);

        assertAnswersAsMissing("/api/v1/accounts/" + hidden, (id, headers) -> {
            String path = "/api/v1/accounts/" + id;
            return switch (write) {
                case "update" -> peer.api().patch(path, "{\"tradeName\": \"Intrus\"}", headers);
                case "owner" -> peer.api().put(path + "/owner", "{\"ownerId\": \"" + peer.id() + "\"}", headers);
                case "erp-link" -> peer.api().post(path + "/erp-link", "{\"erpId\": \"C-9\"}", headers);
                case "contact" -> peer.api().put(path + "/contacts/" + contact, "{\"lastName\": \"Intrus\"}",
                        headers);
                case "move-contact" -> peer.api().post(path + "/contacts/" + contact + "/move",
                        "{\"toAccountId\": \"" + peersAccount + "\"}", headers);
                default -> peer.api().post(path + "/" + write, null, headers);
            };
        });
    }

    @Test
    void aLinkMovesTheContactsUpdateTimeWithItsAccounts() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String id = rep.api().post("/api/v1/accounts", "{\"legalName\": \"Liens SARL\"}").body().get("id").asText();
        String ines = rep.api().post("/api/v1/accounts/" + id + "/contacts", "{\"lastName\": \"Roy\"}")
                .header("Location").replaceAll(".*/", "");
        String paul = rep.api().post("/api/v1/accounts/" + id + "/contacts", "{\"lastName\": \"Paul\"}")
                .header("Location").replaceAll(".*/", "");
        Map<String, JsonNode> before = contactsById(rep, id);

        Response linked = rep.api().post("/api/v1/accounts/" + id + "/contacts/" + paul + "/links",
                "{\"linkedContactId\": \"" + ines + "\", \"kind\": \"REPORTS_TO\"}");

        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        Map<String, JsonNode> after = contactsById(rep, id);
        String accountUpdatedAt = rep.api().get("/api/v1/accounts/" + id).body().get("updatedAt").asText();
        assertThat(after.get(paul).get("updatedAt").asText()).isEqualTo(accountUpdatedAt)
                .isNotEqualTo(before.get(paul).get("updatedAt").asText());
        assertThat(after.get(ines).get("updatedAt")).isEqualTo(before.get(ines).get("updatedAt"));
    }

    @Test
    void aRetriedCreationReturnsTheFirstAccountAndARegistrationNumberFindsIt() {
        String key = "erp-import-" + UUID.randomUUID();
        String body = "{\"legalName\": \"Idempotent SAS\", \"siret\": \"55210055400013\"}";

        Response first = api().post("/api/v1/accounts", body, "Idempotency-Key", key);
        Response retry = api().post("/api/v1/accounts", body, "Idempotency-Key", key);
        Response other = api().post("/api/v1/accounts", "{\"legalName\": \"Autre\"}", "Idempotency-Key", key);

        assertThat(retry.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(other.status()).isEqualTo(422);
        JsonNode found = api().get("/api/v1/accounts?registration=552100554").body();
        assertThat(found.get("content")).extracting(item -> item.get("id").asText())
                .contains(first.body().get("id").asText());
    }

    @Test
    void replayingTheAccountProjectionFromZeroGivesTheSameRows() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String id = customer(rep);
        String staying = rep.api().post("/api/v1/accounts/" + id + "/contacts", "{\"lastName\": \"Rejeu\", "
                + "\"phones\": [\"+33 4 78 00 00 00\"]}").header("Location").replaceAll(".*/", "");
        String duplicate = rep.api().post("/api/v1/accounts", "{\"legalName\": \"Doublon du rejeu\"}").body()
                .get("id").asText();
        assertThat(rep.api().patch("/api/v1/accounts/" + duplicate, "{\"website\": \"rejeu.example.fr\"}").status())
                .isEqualTo(200);
        String moving = rep.api().post("/api/v1/accounts/" + id + "/contacts", "{\"lastName\": \"Voyageur\"}")
                .header("Location").replaceAll(".*/", "");
        assertThat(rep.api().put("/api/v1/accounts/" + id + "/contacts/" + moving, "{\"firstName\": \"Léa\", "
                + "\"lastName\": \"Voyageur\"}").status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/accounts/" + id + "/contacts/" + moving + "/links", "{\"linkedContactId\": \""
                + staying + "\", \"kind\": \"REPORTS_TO\"}").status()).isEqualTo(200);
        assertThat(rep.api().put("/api/v1/accounts/" + id + "/contacts/" + staying, "{\"firstName\": \"Rémi\", "
                + "\"lastName\": \"Rejeu\"}").status()).isEqualTo(200);
        rep.api().post("/api/v1/accounts/" + duplicate + "/contacts", "{\"lastName\": \"Absorbé\"}");
        assertThat(rep.api().post("/api/v1/accounts/" + id + "/contacts/" + moving + "/move",
                "{\"toAccountId\": \"" + duplicate + "\"}").status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/accounts/" + id + "/merge", "{\"duplicateId\": \"" + duplicate + "\"}")
                .status()).isEqualTo(200);
        StreamingEventProcessor processor = processor(AccountProjection.PROCESSING_GROUP);
        awaitSettled();
        List<List<Map<String, Object>>> before = tables();

        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from contact_view", Long.class)).isZero();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(tables()).isEqualTo(before);
    }

    private List<List<Map<String, Object>>> tables() {
        return Stream.of("select id, version, status, legal_name, siren, siret, owner_id, erp_id, details::text, "
                                + "created_at, created_by, updated_at, search_text, merged_into, merged_ids::text "
                                + "from account_view order by id",
                        "select id, account_id, version, details::text, created_at, updated_at, search_text, lead_id, "
                                + "placed_at from contact_view order by id",
                        "select * from contact_link order by contact_id, linked_contact_id, kind")
                .map(jdbc::queryForList).toList();
    }

    private String customer(TestUser owner) {
        Response created = owner.api().post("/api/v1/accounts", "{\"legalName\": \"Client " + UUID.randomUUID()
                + "\", \"ownerId\": \"" + owner.id() + "\", \"billingAddress\": " + BILLING
                + ", \"siret\": \"73282932000074\", \"nafCode\": \"36.00Z\", \"paymentTerms\": \"30 days\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(owner.api().post("/api/v1/accounts/" + id + "/promote", null).status()).isEqualTo(200);
        return id;
    }

    private static Map<String, JsonNode> contactsById(TestUser viewer, String accountId) {
        Map<String, JsonNode> contacts = new HashMap<>();
        viewer.api().get("/api/v1/accounts/" + accountId + "/contacts").body()
                .forEach(contact -> contacts.put(contact.get("id").asText(), contact));
        return contacts;
    }
}
