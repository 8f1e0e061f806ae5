package io.relais.lead;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.RecordMoments;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead read as it stood at an instant or at one of its versions. */
class LeadAsOfTest extends ApiTestSupport {

    @Test
    void aLeadChangedFiveTimesReadsAsItWasBetweenEachChangeAndAtEachVersion() {
        TestUser rep = user("rep", Profile.SALES_REP);
        HttpApi api = api();
        RecordMoments moments = new RecordMoments(api);
        String id = created(api.post("/api/v1/leads", """
                {"firstName": "Jeanne", "lastName": "Roux", "email": "jeanne.roux@example.fr",
                 "company": "Roux SARL", "source": "WEB_FORM"}"""));
        moments.reads("/api/v1/leads/" + id).record();
        assertThat(api.patch("/api/v1/leads/" + id, "{\"city\": \"Lyon\"}").status()).isEqualTo(200);
        moments.record();
        assertThat(api.put("/api/v1/leads/" + id + "/owner", "{\"ownerId\": \"" + rep.id() + "\"}").status())
                .isEqualTo(200);
        moments.record();
        assertThat(api.post("/api/v1/leads/" + id + "/start-work", null).status()).isEqualTo(200);
        moments.record();
        assertThat(api.patch("/api/v1/leads/" + id, "{\"city\": null, \"phone\": \"04 78 00 00 00\"}").status())
                .isEqualTo(200);
        moments.record();
        assertThat(api.post("/api/v1/leads/" + id + "/disqualify", "{\"reason\": \"OTHER\", \"note\": \"Parti\"}")
                .status()).isEqualTo(200);
        moments.record();

        assertThat(moments.versions()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        moments.assertEachMomentReadsTheSame();
        assertThat(api.get("/api/v1/leads/" + id + "?version=6").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/leads/" + id + "?asOf=2020-01-01").status()).isEqualTo(404);
        Response today = api.get("/api/v1/leads/" + id + "?asOf=" + LocalDate.now(ZoneOffset.UTC));
        assertThat(today.body()).isEqualTo(api.get("/api/v1/leads/" + id).body());
        assertThat(today.header("ETag")).isEqualTo("\"5\"");
    }

    @Test
    void aBadAsOfOrVersionIsRefusedNamingItsField() {
        String lead = "/api/v1/leads/" + created(api().post("/api/v1/leads", "{\"lastName\": \"Lenoir\", "
                + "\"email\": \"lenoir@example.fr\", \"source\": \"WEB_FORM\"}"));
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String inAnHour = Instant.now().plusSeconds(3600).toString();

        for (String path : new String[] {lead, "/api/v1/accounts/" + created(api().post("/api/v1/accounts",
                "{\"legalName\": \"Mauvaises Dates SA\"}")) + "/contacts"}) {
            assertProblem(api().get(path + "?asOf=" + tomorrow), "asOf");
            assertProblem(api().get(path + "?asOf=" + inAnHour), "asOf");
            assertProblem(api().get(path + "?asOf=2026-13-01"), "asOf");
            assertProblem(api().get(path + "?asOf=yesterday"), "asOf");
            assertProblem(api().get(path + "?asOf=+999999999-12-31"), "asOf");
            assertProblem(api().get(path + "?version=-1"), "version");
            assertProblem(api().get(path + "?version=first"), "version");
            assertProblem(api().get(path + "?version=0&asOf=2026-01-01"), "version");
        }
        assertThat(api().get(lead + "?asOf=2020-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(api().get(lead + "?version=1").status()).isEqualTo(404);
    }

    @Test
    void aCallerWhoCannotSeeTheLeadTodayGetsWhatGetAnswersToday() {
        TestUser owner = user("owner", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        String lead = "/api/v1/leads/" + created(owner.api().post("/api/v1/leads", "{\"lastName\": \"Secret\", "
                + "\"email\": \"secret@example.fr\", \"source\": \"WEB_FORM\", \"ownerId\": \"" + owner.id()
                + "\"}"));
        Response today = peer.api().get(lead);

        assertThat(today.status()).isEqualTo(404);
        for (String past : new String[] {"?version=0", "?asOf=" + Instant.now()}) {
            Response then = peer.api().get(lead + past);
            assertThat(then.status()).as(past).isEqualTo(today.status());
            assertThat(then.body()).as(past).isEqualTo(today.body());
        }
    }

    private static void assertProblem(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("urn:relais:problem:invalid-parameter");
        assertThat(response.body().get("field").asText()).as(response.toString()).isEqualTo(field);
    }
}
