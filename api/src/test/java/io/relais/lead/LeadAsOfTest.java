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
}
