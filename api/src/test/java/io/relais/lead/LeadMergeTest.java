package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Duplicate leads merged over HTTP: the survivor completes its blanks and shows both histories. */
class LeadMergeTest extends ApiTestSupport {

    @Test
    void theSurvivorTakesTheDuplicatesBlankFieldsAndItsHistoryAndTheDuplicateEnds() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String email = UUID.randomUUID() + "@example.fr";
        String survivor = lead(rep, "{\"email\": \"" + email + "\", \"company\": \"Atelier Lumière\", "
                + "\"source\": \"NEWSLETTER\"}");
        String duplicate = lead(rep, "{\"firstName\": \"Chloé\", \"lastName\": \"Lefèvre\", \"email\": \""
                + email.toUpperCase() + "\", \"phone\": \"06 11 22 33 44\", \"company\": \"Atelier Lumiere SAS\", "
                + "\"source\": \"WEB_FORM\"}");

        Response merged = rep.api().post("/api/v1/leads/" + survivor + "/merge",
                "{\"duplicateId\": \"" + duplicate + "\"}");

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.body().get("mergedLeadIds")).extracting(JsonNode::asText).containsExactly(duplicate);
        assertThat(merged.body().get("details").get("firstName").asText()).isEqualTo("Chloé");
        assertThat(merged.body().get("details").get("phone").asText()).isEqualTo("06 11 22 33 44");
        assertThat(merged.body().get("details").get("company").asText()).isEqualTo("Atelier Lumière");
        JsonNode gone = rep.api().get("/api/v1/leads/" + duplicate).body();
        assertThat(gone.get("status").asText()).isEqualTo("MERGED");
        assertThat(gone.get("mergedIntoId").asText()).isEqualTo(survivor);
        JsonNode history = rep.api().get("/api/v1/leads/" + survivor + "/history").body().get("content");
        assertThat(history).extracting(e -> e.get("leadId").asText() + " " + e.get("type").asText())
                .containsExactly(survivor + " LeadCaptured", duplicate + " LeadCaptured",
                        duplicate + " LeadMergedInto", survivor + " LeadDetailsUpdated",
                        survivor + " MergedLeadAbsorbed");

        long before = storedEvents();
        assertThat(rep.api().post("/api/v1/leads/" + survivor + "/merge", "{\"duplicateId\": \"" + duplicate + "\"}")
                .status()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
        Response updateMerged = rep.api().patch("/api/v1/leads/" + duplicate, "{\"city\": \"Lyon\"}");
        assertThat(updateMerged.status()).isEqualTo(409);
        assertThat(updateMerged.body().get("currentStatus").asText()).isEqualTo("MERGED");
    }

    @Test
    void aConvertedLeadCannotBeMergedAwayNorAnythingTheCallerCannotSee() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        String survivor = lead(rep, "{\"email\": \"" + UUID.randomUUID() + "@example.fr\", \"source\": \"NEWSLETTER\"}");
        String converted = lead(rep, "{\"lastName\": \"Converti\", \"company\": \"Déjà Client\", "
                + "\"source\": \"WEB_FORM\"}");
        assertThat(rep.api().post("/api/v1/leads/" + converted + "/qualify", null).status()).isEqualTo(200);
        assertThat(rep.api().post("/api/v1/leads/" + converted + "/convert", "{}").status()).isEqualTo(200);
        String peers = lead(peer, "{\"email\": \"" + UUID.randomUUID() + "@example.fr\", \"source\": \"NEWSLETTER\"}");
        long before = storedEvents();

        Response convertedAway = rep.api().post("/api/v1/leads/" + survivor + "/merge",
                "{\"duplicateId\": \"" + converted + "\"}");
        Response notVisible = rep.api().post("/api/v1/leads/" + survivor + "/merge",
                "{\"duplicateId\": \"" + peers + "\"}");
        Response itself = rep.api().post("/api/v1/leads/" + survivor + "/merge",
                "{\"duplicateId\": \"" + survivor + "\"}");

        assertThat(convertedAway.status()).isEqualTo(409);
        assertThat(convertedAway.body().get("currentStatus").asText()).isEqualTo("CONVERTED");
        assertThat(notVisible.status()).isEqualTo(400);
        assertThat(notVisible.body().get("type").asText()).isEqualTo("urn:relais:problem:unknown-lead");
        assertThat(itself.status()).isEqualTo(400);
        assertThat(itself.body().get("type").asText()).isEqualTo("urn:relais:problem:same-record");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private String lead(TestUser owner, String body) {
        String withOwner = body.replaceFirst("\\{", "{\"ownerId\": \"" + owner.id() + "\", ");
        Response created = owner.api().post("/api/v1/leads", withOwner);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
