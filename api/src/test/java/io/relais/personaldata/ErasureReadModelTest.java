package io.relais.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.account.AccountProjection;
import io.relais.account.EraseContactPersonalData;
import io.relais.activity.ActivityProjection;
import io.relais.common.AuditMetadata;
import io.relais.duplicate.DuplicateProjection;
import io.relais.lead.EraseLeadPersonalData;
import io.relais.lead.LeadProjection;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.timeline.TimelineProjection;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once a person's data is erased, no read model holds it: every answer shows the person's fields as null with
 * the record marked as erased, the rest of the record unchanged, and a rebuild from zero gives the same.
 */
class ErasureReadModelTest extends ApiTestSupport {

    @Autowired
    private CommandGateway commands;

    @Test
    void anErasedLeadKeepsItsRecordWithoutThePersonsData() {
        String name = "Effacee" + UUID.randomUUID().toString().substring(0, 8);
        String email = "z" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        String phone = "+33 6 12 34 " + (10 + (int) (Math.random() * 89)) + " 00";
        String company = "Oubli" + UUID.randomUUID().toString().substring(0, 8) + " SARL";
        TestUser rep = user("rep", Profile.SALES_REP);
        String lead = created(rep.api().post("/api/v1/leads", """
                {"firstName": "Zéphirine", "lastName": "%s", "email": "%s", "phone": "%s", "company": "%s",
                 "jobTitle": "Directrice", "notes": "Aime le vélo", "source": "PDF_DOWNLOAD",
                 "consent": {"granted": true, "date": "2026-10-01", "channel": "EMAIL", "textVersion": "2026-10"}}
                """.formatted(name, email, phone, company)));
        assertThat(rep.api().patch("/api/v1/leads/" + lead, "{\"jobTitle\": \"Présidente\", \"city\": \"Nantes\"}")
                .status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/leads/" + lead + "/disqualify",
                "{\"reason\": \"NO_BUDGET\", \"note\": \"Zéphirine rappellera\"}").status()).isEqualTo(200);
        // another lead given the same e-mail: a likely duplicate that stands only on the person's data
        String twin = created(rep.api().post("/api/v1/leads", """
                {"lastName": "Autre", "email": "%s", "company": "Ailleurs SA", "source": "PDF_DOWNLOAD"}
                """.formatted(email)));
        awaitSettled();
        JsonNode before = rep.api().get("/api/v1/leads/" + lead).body();
        assertThat(pairsOf(rep, lead)).contains(twin);

        erase(new EraseLeadPersonalData(lead, new ErasureRequest("Demande de la personne", "DPO-2026-001")),
                user("steward", Profile.DATA_STEWARD).id());

        JsonNode after = rep.api().get("/api/v1/leads/" + lead).body();
        assertThat(after.get("personalDataErased").asBoolean()).isTrue();
        for (String field : List.of("firstName", "lastName", "email", "phone", "jobTitle", "notes")) {
            assertThat(after.get("details").get(field).isNull()).as(field).isTrue();
        }
        for (String field : List.of("marketingConsent", "consentDate", "consentChannel", "consentTextVersion",
                "disqualificationNote")) {
            assertThat(after.get(field).isNull()).as(field).isTrue();
        }
        for (String kept : List.of("status", "ownerId", "source", "disqualificationReason", "capturedAt", "capturedBy")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(after.get("details").get("company").asText()).isEqualTo(company);
        assertThat(after.get("details").get("city").asText()).isEqualTo("Nantes");
        assertThat(before.get("personalDataErased").asBoolean()).isFalse();

        assertThat(rep.api().get("/api/v1/leads?q=" + name).body().get("content")).isEmpty();
        assertThat(rep.api().get("/api/v1/leads?q=" + email).body().get("content"))
                .extracting(found -> found.get("id").asText()).containsExactly(twin);
        JsonNode byCompany = rep.api().get("/api/v1/leads?q=" + company.split(" ")[0]).body().get("content");
        assertThat(byCompany).hasSize(1);
        assertThat(byCompany.get(0).get("personalDataErased").asBoolean()).isTrue();

        JsonNode history = rep.api().get("/api/v1/leads/" + lead + "/history").body().get("content");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("LeadPersonalDataErased");
        assertThat(last.get("personalDataErased").asBoolean()).isFalse();
        for (int i = 0; i < history.size() - 1; i++) {
            assertThat(history.get(i).get("personalDataErased").asBoolean()).isTrue();
            for (JsonNode change : history.get(i).get("changes")) {
                assertThat(change.get("field").asText()).isNotIn("firstName", "lastName", "email", "phone",
                        "jobTitle", "notes", "marketingConsent", "consentDate", "consentChannel",
                        "consentTextVersion", "disqualificationNote");
            }
        }
        assertThat(history.toString()).doesNotContain(name, "Zéphirine", email, phone, "Directrice", "Présidente",
                "vélo", "rappellera").contains("Nantes", "NO_BUDGET");
        assertThat(pairsOf(rep, lead)).doesNotContain(twin);
        assertThat(jdbc.queryForObject("select label from duplicate_record where kind = 'LEAD' and id = ?",
                String.class, lead)).isEqualTo(company);
        // the twin keeps the e-mail it was given; nothing else holds the person's data
        assertThat(readModelRowsHolding(name, phone, "Zéphirine")).isEmpty();
    }

    @Test
    void erasingTheContactOfAConvertedLeadWhoseAccountWasMergedErasesThePersonEverywhere() {
        String name = "Oublie" + UUID.randomUUID().toString().substring(0, 8);
        String email = name.toLowerCase() + "@example.fr";
        String phone = "+33 4 78 " + (10 + (int) (Math.random() * 89)) + " 56 78";
        TestUser rep = user("rep", Profile.SALES_REP);
        String survivor = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Imprimerie Durand\"}"));
        String duplicate = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Imprimerie Durand SA\"}"));
        String lead = created(rep.api().post("/api/v1/leads", """
                {"firstName": "Bérénice", "lastName": "%s", "email": "%s", "phone": "%s", "company": "Imprimerie Durand",
                 "jobTitle": "Acheteuse", "source": "WEB_FORM", "ownerId": "%s"}
                """.formatted(name, email, phone, rep.id())));
        assertThat(rep.api().post("/api/v1/leads/" + lead + "/qualify", null).status()).isEqualTo(200);
        Response converted = rep.api().post("/api/v1/leads/" + lead + "/convert",
                "{\"accountId\": \"" + duplicate + "\"}");
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        String contact = converted.body().get("contactId").asText();
        Response updated = rep.api().put("/api/v1/accounts/" + duplicate + "/contacts/" + contact, """
                {"firstName": "Bérénice", "lastName": "%s", "emails": ["%s"], "phones": ["%s"],
                 "jobTitle": "Acheteuse", "notes": "Préfère le matin"}
                """.formatted(name, email, phone));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/accounts/" + survivor + "/merge", "{\"duplicateId\": \"" + duplicate + "\"}")
                .status()).isEqualTo(200);
        Response deal = rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + survivor + "\", \"name\": "
                + "\"Rotative\", \"currency\": \"EUR\", \"amount\": 48000, \"expectedCloseDate\": \"2027-03-31\", "
                + "\"primaryContactId\": \"" + contact + "\"}");
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        String dealId = deal.body().get("id").asText();
        String call = created(rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Appel de "
                + name + "\", \"notes\": \"" + email + "\", \"contactId\": \"" + contact + "\"}"));
        String meeting = created(rep.api().post("/api/v1/activities/schedule", "{\"kind\": \"MEETING\", "
                + "\"subject\": \"Visite chez " + name + "\", \"contactId\": \"" + contact + "\", "
                + "\"dueAt\": \"2027-01-15T09:00:00Z\"}"));
        assertThat(rep.api().post("/api/v1/activities/" + meeting + "/complete",
                "{\"outcome\": \"" + name + " signera\"}").status()).isEqualTo(200);
        String aboutNobody = created(rep.api().post("/api/v1/activities/log", "{\"kind\": \"NOTE\", "
                + "\"subject\": \"Salon de l'imprimerie\", \"accountId\": \"" + survivor + "\"}"));
        awaitSettled();
        JsonNode dealBefore = rep.api().get("/api/v1/opportunities/" + dealId).body();
        JsonNode leadBefore = rep.api().get("/api/v1/leads/" + lead).body();

        erase(new EraseContactPersonalData(survivor, contact, new ErasureRequest("Demande par courrier", null)),
                "admin");

        JsonNode contacts = rep.api().get("/api/v1/accounts/" + survivor + "/contacts").body();
        assertThat(contacts).hasSize(1);
        JsonNode erasedContact = contacts.get(0);
        assertThat(erasedContact.get("id").asText()).isEqualTo(contact);
        assertThat(erasedContact.get("personalDataErased").asBoolean()).isTrue();
        assertThat(erasedContact.get("leadId").asText()).isEqualTo(lead);
        assertThat(erasedContact.get("details").get("lastName").isNull()).isTrue();
        assertThat(erasedContact.get("details").get("emails")).isEmpty();
        JsonNode erasedLead = rep.api().get("/api/v1/leads/" + lead).body();
        assertThat(erasedLead.get("personalDataErased").asBoolean()).isTrue();
        assertThat(erasedLead.get("status")).isEqualTo(leadBefore.get("status"));
        assertThat(erasedLead.get("convertedContactId").asText()).isEqualTo(contact);
        assertThat(rep.api().get("/api/v1/opportunities/" + dealId).body()).isEqualTo(dealBefore);
        for (String activity : List.of(call, meeting)) {
            JsonNode erasedActivity = rep.api().get("/api/v1/activities/" + activity).body();
            assertThat(erasedActivity.get("personalDataErased").asBoolean()).isTrue();
            assertThat(erasedActivity.get("subject").isNull()).isTrue();
            assertThat(erasedActivity.get("notes").isNull()).isTrue();
            assertThat(erasedActivity.get("outcome").isNull()).isTrue();
            assertThat(erasedActivity.get("contactId").asText()).isEqualTo(contact);
        }
        assertThat(rep.api().get("/api/v1/activities/" + meeting).body().get("status").asText()).isEqualTo("DONE");
        JsonNode kept = rep.api().get("/api/v1/activities/" + aboutNobody).body();
        assertThat(kept.get("personalDataErased").asBoolean()).isFalse();
        assertThat(kept.get("subject").asText()).isEqualTo("Salon de l'imprimerie");

        JsonNode timeline = rep.api().get("/api/v1/accounts/" + survivor + "/contacts/" + contact
                + "/timeline?size=200").body().get("content");
        assertThat(timeline.toString()).doesNotContain(name, email, phone, "Bérénice", "Acheteuse")
                .contains(call, meeting);
        List<String> erasureTypes = new ArrayList<>();
        for (JsonNode entry : timeline) {
            if (entry.get("type").asText().endsWith("PersonalDataErased")) {
                erasureTypes.add(entry.get("type").asText());
            } else if (List.of("LEAD", "CONTACT", "ACTIVITY").contains(entry.get("kind").asText())) {
                assertThat(entry.get("personalDataErased").asBoolean()).as(entry.toString()).isTrue();
            }
        }
        assertThat(erasureTypes).containsExactlyInAnyOrder("ContactPersonalDataErased", "LeadPersonalDataErased");
        assertThat(rep.api().get("/api/v1/accounts/" + survivor + "/timeline?size=200").body().toString())
                .doesNotContain(name, email, phone);
        assertThat(readModelRowsHolding(name, email, phone, "Bérénice")).isEmpty();
    }

    @Test
    void rebuildingTheReadModelsFromZeroAfterErasuresGivesTheSameRows() {
        erasingTheContactOfAConvertedLeadWhoseAccountWasMergedErasesThePersonEverywhere();
        String name = "Rejeu" + UUID.randomUUID().toString().substring(0, 8);
        TestUser rep = user("rep", Profile.SALES_REP);
        String lead = created(rep.api().post("/api/v1/leads", """
                {"firstName": "Anne", "lastName": "%s", "email": "%s@example.fr", "company": "Rejeu SA",
                 "source": "PDF_DOWNLOAD", "consent": {"granted": true, "date": "2026-10-01", "channel": "EMAIL"}}
                """.formatted(name, name.toLowerCase())));
        rep.api().patch("/api/v1/leads/" + lead, "{\"phone\": \"+33 1 23 45 67 89\", \"jobTitle\": \"Acheteuse\"}");
        assertThat(rep.api().post("/api/v1/leads/" + lead + "/consent/withdrawal", "{\"channel\": \"EMAIL\"}")
                .status()).as("a withdrawal, whose consents read back as null once erased").isEqualTo(200);
        erase(new EraseLeadPersonalData(lead, new ErasureRequest("Plus de trois ans sans contact", null)), "admin");
        rep.api().patch("/api/v1/leads/" + lead, "{\"city\": \"Brest\"}");
        awaitSettled();
        List<String> tables = List.of("lead_view", "lead_history", "account_view", "contact_view", "timeline_entry",
                "activity_view", "duplicate_record", "duplicate_key", "duplicate_pair", "duplicate_name_key");
        Map<String, List<String>> before = new LinkedHashMap<>();
        tables.forEach(table -> before.put(table, rows(table)));
        assertThat(String.join("", before.get("lead_view"))).contains(lead).doesNotContain(name);

        List<StreamingEventProcessor> processors = List.of(processor(LeadProjection.PROCESSING_GROUP),
                processor(AccountProjection.PROCESSING_GROUP), processor(TimelineProjection.PROCESSING_GROUP),
                processor(ActivityProjection.PROCESSING_GROUP), processor(DuplicateProjection.PROCESSING_GROUP));
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
        processors.forEach(this::awaitCaughtUp);

        tables.forEach(table -> assertThat(rows(table)).as(table).isEqualTo(before.get(table)));
    }

    @Test
    void theApiDescriptionSaysWhatTheErasedMarkerMeans() {
        JsonNode schemas = api().get("/v3/api-docs").body().get("components").get("schemas");
        for (String schema : List.of("LeadView", "LeadHistoryEntry", "ContactView", "ActivityView", "TimelineEntry")) {
            JsonNode marker = schemas.get(schema).get("properties").get("personalDataErased");
            assertThat(marker.get("type").asText()).as(schema).isEqualTo("boolean");
            assertThat(marker.get("description").asText()).as(schema).contains("erased");
        }
    }

    private void erase(Object command, String userId) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(AuditMetadata.USER_ID, userId,
                        AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString())));
        awaitSettled();
    }

    /** The leads the lead is paired with as a likely duplicate. */
    private static String pairsOf(TestUser user, String lead) {
        return user.api().get("/api/v1/duplicates?kind=LEAD&recordId=" + lead).body().get("content").toString();
    }

    /** Every row of a table, as JSON text, in a stable order. */
    private List<String> rows(String table) {
        return jdbc.queryForList("select to_jsonb(t)::text from " + table + " t order by 1", String.class);
    }

    /**
     * The read-model rows (every table of the schema but the event store's, whose personal values are encrypted)
     * that hold one of these texts, as "table: row".
     */
    private List<String> readModelRowsHolding(String... texts) {
        List<String> found = new ArrayList<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE'", String.class)) {
            for (String text : texts) {
                found.addAll(jdbc.queryForList("select '" + table + ": ' || to_jsonb(t)::text from " + table
                        + " t where strpos(lower(to_jsonb(t)::text), lower(?)) > 0", String.class, text));
            }
        }
        return found;
    }
}
