package io.relais.opportunity;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.RecordMoments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A deal read as it stood at an instant or at one of its versions. */
class OpportunityAsOfTest extends ApiTestSupport {

    @Test
    void aDealReadsAsItWasAtAnEarlierVersion() {
        HttpApi api = api();
        String account = created(api.post("/api/v1/accounts", "{\"legalName\": \"Affaire Ancienne SA\"}"));
        RecordMoments moments = new RecordMoments(api);
        String id = created(api.post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Contrat cadre\", \"currency\": \"EUR\", \"amount\": 1000, \"expectedCloseDate\": \"2027-06-30\"}"));
        moments.reads("/api/v1/opportunities/" + id).record();
        assertThat(api.put("/api/v1/opportunities/" + id + "/amount", "{\"amount\": 2500}").status()).isEqualTo(200);
        moments.record();
        assertThat(api.put("/api/v1/opportunities/" + id + "/stage", "{\"stage\": \"NEGOTIATION\"}").status())
                .isEqualTo(200);
        moments.record();

        assertThat(moments.versions()).containsExactly(0L, 1L, 2L);
        moments.assertEachMomentReadsTheSame();
    }
}
