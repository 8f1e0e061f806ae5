package io.relais.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The subject access request over HTTP: everything about a person, decrypted, then nothing once erased. */
@NeedsPostgreSqlEventStore
class DataSubjectExportApiTest extends ApiTestSupport {

    @Test
    void aLeadsExportHoldsTheLeadItsConsentAndItsHistoryWithValuesUntilItIsErased() {
        TestUser steward = user("steward", Profile.DATA_STEWARD);
        String lead = created(api().post("/api/v1/leads", "{\"firstName\": \"Mireille\", \"lastName\": \"Export\", "
                + "\"email\": \"mireille.export@example.fr\", \"company\": \"Exportations SA\", \"source\": \"WEB_FORM\", "
                + "\"consent\": {\"granted\": true, \"date\": \"2026-11-20\", \"channel\": \"WEB_FORM\"}}"));
        api().patch("/api/v1/leads/" + lead, "{\"phone\": \"+33 6 11 22 33 44\"}", "Content-Type",
                "application/merge-patch+json");

        Response export = steward.api().get("/api/v1/data-subjects/LEAD/" + lead + "/export");

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode body = export.body();
        assertThat(body.get("leads").get(0).get("details").get("firstName").asText()).isEqualTo("Mireille");
        assertThat(body.get("leads").get(0).get("marketingConsent").asBoolean()).isTrue();
        assertThat(body.get("erasedAt").isNull()).isTrue();
        assertThat(changes(body, "LeadCaptured")).contains("details.email=mireille.export@example.fr");
        assertThat(changes(body, "LeadDetailsUpdated")).contains("details.phone=+33 6 11 22 33 44");

        steward.api().post("/api/v1/data-subjects/LEAD/" + lead + "/erasure", "{\"reason\": \"Request by e-mail\"}");
        JsonNode erased = steward.api().get("/api/v1/data-subjects/LEAD/" + lead + "/export").body();

        assertThat(erased.get("erasedAt").isNull()).isFalse();
        assertThat(erased.get("history").toString()).doesNotContain("Mireille", "mireille.export@example.fr",
                "+33 6 11 22 33 44").contains("Exportations SA");
    }

    @Test
    void aContactsExportHoldsTheActivitiesAboutThemAndTheLeadTheyCameFrom() {
        TestUser steward = user("steward", Profile.DATA_STEWARD);
        String lead = created(api().post("/api/v1/leads", "{\"firstName\": \"Gaston\", \"lastName\": \"Export\", "
                + "\"company\": \"Gaston Export SARL\", \"source\": \"WEB_FORM\"}"));
        api().post("/api/v1/leads/" + lead + "/qualify", null);
        JsonNode conversion = api().post("/api/v1/leads/" + lead + "/convert", "{}").body();
        String contact = conversion.get("contactId").asText();
        api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Appel de Gaston\", \"notes\": "
                + "\"Rappeler après les vacances\", \"contactId\": \"" + contact + "\"}");

        JsonNode body = steward.api().get("/api/v1/data-subjects/CONTACT/" + contact + "/export").body();

        assertThat(body.get("contacts").get(0).get("details").get("firstName").asText()).isEqualTo("Gaston");
        assertThat(body.get("activities")).singleElement()
                .satisfies(activity -> assertThat(activity.get("notes").asText()).isEqualTo("Rappeler après les vacances"));
        assertThat(changes(body, "ActivityLogged")).contains("subject=Appel de Gaston");
        assertThat(changes(body, "ContactAdded")).contains("details.firstName=Gaston");
        assertThat(body.get("samePerson")).singleElement().satisfies(same -> {
            assertThat(same.get("kind").asText()).isEqualTo("LEAD");
            assertThat(same.get("id").asText()).isEqualTo(lead);
        });
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"SALES_REP", "SALES_MANAGER", "ANALYST", "AUDITOR"})
    void onlyDataStewardsAndAdministratorsExport(Profile profile) {
        String lead = created(api().post("/api/v1/leads", "{\"email\": \"export." + profile.name().toLowerCase()
                + "@example.fr\", \"source\": \"WEB_FORM\"}"));

        assertThat(user("someone", profile).api().get("/api/v1/data-subjects/LEAD/" + lead + "/export").status())
                .isEqualTo(403);
    }

    @Test
    void anUnknownPersonIsNotFound() {
        assertThat(api().get("/api/v1/data-subjects/LEAD/no-such-lead/export").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/data-subjects/CONTACT/no-such-contact/export").status()).isEqualTo(404);
        Response badKind = api().get("/api/v1/data-subjects/USER/admin/export");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().get("field").asText()).isEqualTo("kind");
    }

    /** The changes of the events of {@code type} in the export's history, as "field=new value". */
    private static List<String> changes(JsonNode export, String type) {
        List<String> changes = new ArrayList<>();
        export.get("history").forEach(entry -> {
            if (entry.get("type").asText().equals(type)) {
                entry.get("changes").forEach(change -> changes.add(change.get("field").asText() + "="
                        + change.get("newValue").asText()));
            }
        });
        return changes;
    }
}
