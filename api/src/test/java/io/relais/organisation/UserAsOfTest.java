package io.relais.organisation;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.RecordMoments;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A user read as they stood at an instant or at one of their versions, counted among the organisation's events. */
class UserAsOfTest extends ApiTestSupport {

    @Test
    void aUserChangedFiveTimesReadsAsTheyWereBetweenEachChangeAndAtEachVersion() {
        HttpApi api = api();
        TestUser manager = user("asof-manager", Profile.SALES_MANAGER);
        TestUser other = user("asof-other-manager", Profile.SALES_MANAGER);
        RecordMoments moments = new RecordMoments(api);
        TestUser rep = user("asof-rep", Profile.SALES_REP, manager);
        String path = "/api/v1/users/" + rep.id();
        moments.reads(path).record();
        // the organisation's other events between the user's do not count in the user's versions
        user("asof-bystander", Profile.SALES_REP);
        assertThat(api.put(path + "/manager", "{\"managerId\": \"" + other.id() + "\"}").status()).isEqualTo(200);
        moments.record();
        assertThat(api.put(path + "/profile", "{\"profile\": \"SALES_MANAGER\"}").status()).isEqualTo(200);
        moments.record();
        assertThat(api.post(path + "/deactivate", "{}").status()).isEqualTo(200);
        moments.record();
        assertThat(api.post(path + "/reactivate", null).status()).isEqualTo(200);
        moments.record();
        assertThat(api.put(path + "/manager", "{\"managerId\": \"" + manager.id() + "\"}").status()).isEqualTo(200);
        moments.record();

        assertThat(moments.versions()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        moments.assertEachMomentReadsTheSame();
        Response now = api.get(path);
        assertThat(now.header("ETag")).isEqualTo("\"5\"");
        assertThat(now.body().get("version").asLong()).isEqualTo(5);
        assertThat(api.get(path + "?version=6").status()).isEqualTo(404);
        assertThat(api.get(path + "?asOf=2020-01-01").status()).isEqualTo(404);
        Response today = api.get(path + "?asOf=" + LocalDate.now(ZoneOffset.UTC));
        assertThat(today.body()).isEqualTo(now.body());
        assertThat(api.get(path + "?version=1").body().get("managerId").asText()).isEqualTo(other.id());
        assertThat(api.get(path + "?version=3").body().get("active").asBoolean()).isFalse();
    }

    @Test
    void badPastParametersAreRefusedNamingThemAndAnUnknownUserIsMissingThenToo() {
        String path = "/api/v1/users/" + user("asof-bad", Profile.SALES_REP).id();

        assertRefused(api().get(path + "?asOf=" + LocalDate.now(ZoneOffset.UTC).plusDays(2)), "asOf");
        assertRefused(api().get(path + "?asOf=yesterday"), "asOf");
        assertRefused(api().get(path + "?version=-1"), "version");
        assertRefused(api().get(path + "?version=0&asOf=2026-01-01"), "version");
        assertThat(api().get("/api/v1/users/nobody-here?version=0").status()).isEqualTo(404);
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("field").asText()).isEqualTo(field);
    }
}
