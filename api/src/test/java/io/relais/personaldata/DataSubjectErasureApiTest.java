package io.relais.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.lead.LeadPersonalDataErased;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Erasure of a person's data over HTTP (ADR 013): who may, what it answers, what it deletes and records. */
class DataSubjectErasureApiTest extends ApiTestSupport {

    private static final String REQUEST = "{\"reason\": \"Request of 2026-12-01 by e-mail\", \"requestReference\": \"DPO-2026-17\"}";

    @Test
    void aDataStewardErasesALeadTheKeyIsGoneAndTheEventSaysWhoWhenAndWhy() {
        TestUser steward = user("steward", Profile.DATA_STEWARD);
        String leadId = lead("Éloïse", "eloise.erasure@example.fr");

        Response erased = steward.api().post("/api/v1/data-subjects/LEAD/" + leadId + "/erasure", REQUEST,
                "X-Request-Id", "erase-eloise");

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.body().get("kind").asText()).isEqualTo("LEAD");
        assertThat(erased.body().get("id").asText()).isEqualTo(leadId);
        Instant erasedAt = Instant.parse(erased.body().get("erasedAt").asText());
        assertThat(jdbc.queryForObject("select wrapped_key is null from data_subject_key where subject_kind = 'LEAD' "
                + "and subject_id = ?", Boolean.class, leadId)).isTrue();
        DomainEventMessage<?> event = erasures(leadId).get(0);
        assertThat(((LeadPersonalDataErased) event.getPayload()).request().reason())
                .isEqualTo("Request of 2026-12-01 by e-mail");
        assertThat(event.getMetaData().get("userId")).isEqualTo(steward.id());
        assertThat(event.getMetaData().get("correlationId")).isEqualTo("erase-eloise");

        Response again = api().post("/api/v1/data-subjects/LEAD/" + leadId + "/erasure", REQUEST);
        assertThat(again.status()).isEqualTo(200);
        assertThat(Instant.parse(again.body().get("erasedAt").asText())).isEqualTo(erasedAt);
        assertThat(erasures(leadId)).as("erasing again records nothing").hasSize(1);
    }

    @Test
    void erasingAConvertedContactErasesTheLeadItCameFromToo() {
        TestUser steward = user("steward", Profile.DATA_STEWARD);
        String leadId = lead("Jeanne", "jeanne.convert.erasure@example.fr");
        api().post("/api/v1/leads/" + leadId + "/qualify", null);
        JsonNode conversion = api().post("/api/v1/leads/" + leadId + "/convert", "{}").body();
        String contactId = conversion.get("contactId").asText();

        Response erased = steward.api().post("/api/v1/data-subjects/CONTACT/" + contactId + "/erasure", REQUEST);

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.body().get("kind").asText()).isEqualTo("CONTACT");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from data_subject_key where wrapped_key is null and ((subject_kind = 'LEAD' and "
                        + "subject_id = ?) or (subject_kind = 'CONTACT' and subject_id = ?))", Integer.class, leadId,
                contactId)).isEqualTo(2));
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"SALES_REP", "SALES_MANAGER", "ANALYST", "AUDITOR"})
    void onlyDataStewardsAndAdministratorsErase(Profile profile) {
        TestUser someone = user("someone", profile);
        String leadId = lead("Paul", "paul.erasure." + profile.name().toLowerCase() + "@example.fr");

        Response refused = someone.api().post("/api/v1/data-subjects/LEAD/" + leadId + "/erasure", REQUEST);

        assertThat(refused.status()).as(refused.toString()).isIn(403, 404);
        assertThat(jdbc.queryForObject("select count(*) from data_subject_key where subject_kind = 'LEAD' and "
                + "subject_id = ? and wrapped_key is null", Integer.class, leadId)).isZero();
    }

    @Test
    void anUnknownPersonIsNotFoundAndABadRequestNamesTheField() {
        String leadId = lead("Léa", "lea.erasure@example.fr");

        assertThat(api().post("/api/v1/data-subjects/LEAD/no-such-lead/erasure", REQUEST).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/data-subjects/CONTACT/no-such-contact/erasure", REQUEST).status()).isEqualTo(404);
        Response noReason = api().post("/api/v1/data-subjects/LEAD/" + leadId + "/erasure", "{\"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("field").asText()).isEqualTo("reason");
        Response longReason = api().post("/api/v1/data-subjects/LEAD/" + leadId + "/erasure",
                "{\"reason\": \"" + "x".repeat(501) + "\"}");
        assertThat(longReason.status()).isEqualTo(400);
        assertThat(longReason.body().get("field").asText()).isEqualTo("reason");
        Response badKind = api().post("/api/v1/data-subjects/ACCOUNT/" + leadId + "/erasure", REQUEST);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().get("field").asText()).isEqualTo("kind");
        assertThat(erasures(leadId)).isEmpty();
    }

    private String lead(String firstName, String email) {
        return created(api().post("/api/v1/leads", "{\"firstName\": \"" + firstName + "\", \"lastName\": \"Martin\", "
                + "\"email\": \"" + email + "\", \"company\": \"Atelier Martin\", \"source\": \"WEB_FORM\"}"));
    }

    private List<? extends DomainEventMessage<?>> erasures(String leadId) {
        return eventsOf(leadId).stream().filter(event -> event.getPayloadType() == LeadPersonalDataErased.class)
                .toList();
    }
}
