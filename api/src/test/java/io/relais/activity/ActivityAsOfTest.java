package io.relais.activity;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.RecordMoments;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An activity read as it stood at an instant or at one of its versions. */
class ActivityAsOfTest extends ApiTestSupport {

    @Test
    void anActivityReadsAsItWasAtEachEarlierVersion() {
        TestUser rep = user("rep", Profile.SALES_REP);
        HttpApi api = api();
        String account = created(api.post("/api/v1/accounts", "{\"legalName\": \"Rendez-vous SARL\"}"));
        // to the nanosecond, which the table keeps to the microsecond: a past state must show the same
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_789);
        RecordMoments moments = new RecordMoments(api);
        String id = created(api.post("/api/v1/activities/schedule", "{\"kind\": \"MEETING\", \"subject\": "
                + "\"Signature\", \"accountId\": \"" + account + "\", \"dueAt\": \"" + due + "\", \"remindAt\": \""
                + due.minus(1, ChronoUnit.HOURS) + "\"}"));
        moments.reads("/api/v1/activities/" + id).record();
        assertThat(api.put("/api/v1/activities/" + id + "/schedule", "{\"dueAt\": \"" + due.plus(1, ChronoUnit.DAYS)
                + "\"}").status()).isEqualTo(200);
        moments.record();
        assertThat(api.put("/api/v1/activities/" + id + "/assignee", "{\"assigneeId\": \"" + rep.id() + "\"}")
                .status()).isEqualTo(200);
        moments.record();
        assertThat(api.post("/api/v1/activities/" + id + "/complete", "{\"outcome\": \"Signé\"}").status())
                .isEqualTo(200);
        moments.record();

        assertThat(moments.versions()).containsExactly(0L, 1L, 2L, 3L);
        moments.assertEachMomentReadsTheSame();
    }
}
