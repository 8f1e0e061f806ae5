package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A person withdraws their consent to marketing: what the lead, its history and the audit view show. */
class LeadConsentApiTest extends ApiTestSupport {

    @NeedsPostgreSqlEventStore
    @Test
    void aWithdrawalIsReadAtOnceKeptInTheHistoryAndTheAuditAndTheConsentItReplacesStaysReadableAsOfBefore() {
        TestUser rep = user("consent-rep", Profile.SALES_REP);
        String id = created(rep.api().post("/api/v1/leads", """
                {"lastName": "Garnier", "email": "paul.garnier@example.fr", "source": "WEB_FORM",
                 "consent": {"granted": true, "date": "2026-10-01", "channel": "WEB_FORM",
                             "textVersion": "2026-10"}}"""));

        Response withdrawn = rep.api().post("/api/v1/leads/" + id + "/consent/withdrawal",
                "{\"date\": \"2026-11-30\", \"channel\": \"EMAIL\"}", "If-Match", "\"0\"",
                "Change-Reason", "Courriel du client du 30 novembre");

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.header("ETag")).isEqualTo("\"1\"");
        assertThat(withdrawn.body().get("marketingConsent").asBoolean()).isFalse();
        assertThat(withdrawn.body().get("consentDate").asText()).isEqualTo("2026-11-30");
        assertThat(withdrawn.body().get("consentChannel").asText()).isEqualTo("EMAIL");
        assertThat(withdrawn.body().get("consentTextVersion").isNull()).isTrue();

        JsonNode entry = rep.api().get("/api/v1/leads/" + id + "/history").body().get("content").get(1);
        assertThat(entry.get("type").asText()).isEqualTo("LeadConsentWithdrawn");
        assertThat(entry.get("userId").asText()).isEqualTo(rep.id());
        assertThat(entry.get("changes").toString()).isEqualTo("["
                + "{\"field\":\"marketingConsent\",\"oldValue\":\"true\",\"newValue\":\"false\"},"
                + "{\"field\":\"consentDate\",\"oldValue\":\"2026-10-01\",\"newValue\":\"2026-11-30\"},"
                + "{\"field\":\"consentChannel\",\"oldValue\":\"WEB_FORM\",\"newValue\":\"EMAIL\"},"
                + "{\"field\":\"consentTextVersion\",\"oldValue\":\"2026-10\",\"newValue\":null}]");

        JsonNode audited = api().get("/api/v1/audit/records/LEAD/" + id + "?order=desc").body().get("content").get(0);
        assertThat(audited.get("type").asText()).isEqualTo("LeadConsentWithdrawn");
        assertThat(audited.get("changeReason").asText()).isEqualTo("Courriel du client du 30 novembre");
        assertThat(audited.get("changes").toString()).contains("\"consent.granted\"", "\"previousConsent.granted\"");

        Response before = rep.api().get("/api/v1/leads/" + id + "?version=0");
        assertThat(before.body().get("marketingConsent").asBoolean()).isTrue();
        assertThat(before.body().get("consentChannel").asText()).isEqualTo("WEB_FORM");
        assertThat(before.body().get("consentTextVersion").asText()).isEqualTo("2026-10");
    }

    @Test
    void aSecondWithdrawalChangesNothingAndAnErasedPersonHasNoConsentToWithdraw() {
        HttpApi api = api();
        String id = created(api.post("/api/v1/leads", "{\"email\": \"objection@example.fr\", \"source\": \"PARTNER_FILE\"}"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Response objected = api.post("/api/v1/leads/" + id + "/consent/withdrawal", "{\"channel\": \"PHONE\"}");
        assertThat(objected.status()).as(objected.toString()).isEqualTo(200);
        assertThat(objected.body().get("marketingConsent").asBoolean()).isFalse();
        assertThat(objected.body().get("consentDate").asText()).isEqualTo(today);

        Response again = api.post("/api/v1/leads/" + id + "/consent/withdrawal", "{\"channel\": \"EMAIL\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"1\"");
        assertThat(again.body().get("consentChannel").asText()).isEqualTo("PHONE");

        assertThat(api.post("/api/v1/data-subjects/LEAD/" + id + "/erasure", "{\"reason\": \"Demande écrite\"}")
                .status()).isEqualTo(200);
        Response refused = api.post("/api/v1/leads/" + id + "/consent/withdrawal", "{\"channel\": \"EMAIL\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:personal-data-erased");
        assertThat(refused.body().get("field").asText()).isEqualTo("consent");
    }
}
