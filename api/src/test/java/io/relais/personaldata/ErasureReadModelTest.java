package io.relais.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.common.AuditMetadata;
import io.relais.lead.EraseLeadPersonalData;
import io.relais.lead.LeadProjection;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
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
        String email = name.toLowerCase() + "@example.fr";
        String phone = "+33 6 12 34 " + (10 + (int) (Math.random() * 89)) + " 00";
        String company = "Oubli" + UUID.randomUUID().toString().substring(0, 8) + " SARL";
        TestUser rep = user("rep", Profile.SALES_REP);
        String lead = created(rep.api().post("/api/v1/leads", """
                {"firstName": "Zéphirine", "lastName": "%s", "email": "%s", "phone": "%s", "company": "%s",
                 "jobTitle": "Directrice", "notes": "Aime le vélo", "source": "PDF_DOWNLOAD",
                 "consent": {"granted": true, "date": "2026-10-01", "channel": "EMAIL"}}
                """.formatted(name, email, phone, company)));
        assertThat(rep.api().patch("/api/v1/leads/" + lead, "{\"jobTitle\": \"Présidente\", \"city\": \"Nantes\"}")
                .status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/leads/" + lead + "/disqualify",
                "{\"reason\": \"NO_BUDGET\", \"note\": \"Zéphirine rappellera\"}").status()).isEqualTo(200);
        awaitSettled();
        JsonNode before = rep.api().get("/api/v1/leads/" + lead).body();

        erase(new EraseLeadPersonalData(lead, new ErasureRequest("Demande de la personne", "DPO-2026-001")),
                user("steward", Profile.DATA_STEWARD).id());

        JsonNode after = rep.api().get("/api/v1/leads/" + lead).body();
        assertThat(after.get("personalDataErased").asBoolean()).isTrue();
        for (String field : List.of("firstName", "lastName", "email", "phone", "jobTitle", "notes")) {
            assertThat(after.get("details").get(field).isNull()).as(field).isTrue();
        }
        for (String field : List.of("marketingConsent", "consentDate", "consentChannel", "disqualificationNote")) {
            assertThat(after.get(field).isNull()).as(field).isTrue();
        }
        for (String kept : List.of("status", "ownerId", "source", "disqualificationReason", "capturedAt", "capturedBy")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(after.get("details").get("company").asText()).isEqualTo(company);
        assertThat(after.get("details").get("city").asText()).isEqualTo("Nantes");
        assertThat(before.get("personalDataErased").asBoolean()).isFalse();

        assertThat(rep.api().get("/api/v1/leads?q=" + name).body().get("content")).isEmpty();
        assertThat(rep.api().get("/api/v1/leads?q=" + email).body().get("content")).isEmpty();
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
                        "disqualificationNote");
            }
        }
        assertThat(history.toString()).doesNotContain(name, "Zéphirine", email, phone, "Directrice", "Présidente",
                "vélo", "rappellera").contains("Nantes", "NO_BUDGET");
        assertThat(readModelRowsHolding(name, email, phone, "Zéphirine")).isEmpty();
    }

    @Test
    void rebuildingTheLeadsFromZeroAfterAnErasureGivesTheSameReadModel() {
        String name = "Rejeu" + UUID.randomUUID().toString().substring(0, 8);
        TestUser rep = user("rep", Profile.SALES_REP);
        String lead = created(rep.api().post("/api/v1/leads", """
                {"firstName": "Anne", "lastName": "%s", "email": "%s@example.fr", "company": "Rejeu SA",
                 "source": "PDF_DOWNLOAD", "consent": {"granted": true, "date": "2026-10-01", "channel": "EMAIL"}}
                """.formatted(name, name.toLowerCase())));
        rep.api().patch("/api/v1/leads/" + lead, "{\"phone\": \"+33 1 23 45 67 89\", \"jobTitle\": \"Acheteuse\"}");
        erase(new EraseLeadPersonalData(lead, new ErasureRequest("Plus de trois ans sans contact", null)), "admin");
        rep.api().patch("/api/v1/leads/" + lead, "{\"city\": \"Brest\"}");
        awaitSettled();
        List<String> leadsBefore = rows("lead_view");
        List<String> historyBefore = rows("lead_history");
        assertThat(String.join("", leadsBefore)).contains(lead).doesNotContain(name);

        StreamingEventProcessor processor = processor(LeadProjection.PROCESSING_GROUP);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(rows("lead_view")).isEqualTo(leadsBefore);
        assertThat(rows("lead_history")).isEqualTo(historyBefore);
    }

    private void erase(Object command, String userId) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(AuditMetadata.USER_ID, userId,
                        AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString())));
        awaitSettled();
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
                + "where table_schema = current_schema() and table_type = 'BASE TABLE' "
                + "and table_name not like 'duplicate_%'", String.class)) {
            for (String text : texts) {
                found.addAll(jdbc.queryForList("select '" + table + ": ' || to_jsonb(t)::text from " + table
                        + " t where strpos(lower(to_jsonb(t)::text), lower(?)) > 0", String.class, text));
            }
        }
        return found;
    }
}
