package io.relais.account;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.RecordMoments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An account and its contacts read as they stood at an instant or at one of the account's versions. */
class AccountAsOfTest extends ApiTestSupport {

    @Test
    void anAccountAndItsContactsChangedFiveTimesReadAsTheyWereBetweenEachChangeAndAtEachVersion() {
        HttpApi api = api();
        RecordMoments moments = new RecordMoments(api);
        String id = created(api.post("/api/v1/accounts", "{\"legalName\": \"Passé Composé SA\"}"));
        String other = created(api.post("/api/v1/accounts", "{\"legalName\": \"Ailleurs SARL\"}"));
        String path = "/api/v1/accounts/" + id;
        moments.reads(path, path + "/contacts").record();
        String ines = contactId(api.post(path + "/contacts", "{\"firstName\": \"Inès\", \"lastName\": \"Roy\", "
                + "\"emails\": [\"ines.roy@example.fr\"]}"));
        moments.record();
        assertThat(api.patch(path, "{\"tradeName\": \"Passé\"}").status()).isEqualTo(200);
        moments.record();
        String paul = contactId(api.post(path + "/contacts", "{\"firstName\": \"Paul\", \"lastName\": \"Arnaud\"}"));
        moments.record();
        assertThat(api.post(path + "/contacts/" + paul + "/links", "{\"linkedContactId\": \"" + ines
                + "\", \"kind\": \"REPORTS_TO\"}").status()).isEqualTo(200);
        moments.record();
        assertThat(api.put(path + "/contacts/" + ines, "{\"firstName\": \"Inès\", \"lastName\": \"Roy-Martin\"}")
                .status()).isEqualTo(200);
        moments.record();
        assertThat(api.post(path + "/contacts/" + paul + "/move", "{\"toAccountId\": \"" + other + "\"}").status())
                .isEqualTo(200);
        awaitSettled();
        moments.record();

        assertThat(moments.versions()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        moments.assertEachMomentReadsTheSame();
        assertThat(api.get(path + "?version=7").status()).isEqualTo(404);
        assertThat(api.get(path + "/contacts?version=7").status()).isEqualTo(404);
    }

    @Test
    void aCallerWhoCannotSeeTheAccountTodayGetsWhatGetAnswersToday() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        String id = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Caché SA\", \"ownerId\": \""
                + rep.id() + "\"}"));
        String path = "/api/v1/accounts/" + id;

        for (String read : new String[] {path, path + "/contacts"}) {
            Response today = peer.api().get(read);
            assertThat(today.status()).isEqualTo(404);
            for (String past : new String[] {"?version=0", "?asOf=" + java.time.Instant.now()}) {
                Response then = peer.api().get(read + past);
                assertThat(then.status()).as(read + past).isEqualTo(404);
                assertThat(then.body()).isEqualTo(today.body());
            }
        }
    }

    private static String contactId(Response added) {
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.header("Location").replaceAll(".*/", "");
    }
}
