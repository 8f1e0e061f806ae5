package io.relais.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.lead.LeadPersonalDataErased;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.AfterEach;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention (docs/personal-data.md): people without contact for three years are listed by the dry run and erased
 * by the daily task. The read models are the record of the last contact; they are set back in time here.
 */
class RetentionApiTest extends ApiTestSupport {

    @Autowired
    private Retention retention;

    private final List<Runnable> shiftedBack = new ArrayList<>();

    @Test
    void peoplePastTheirPeriodAreListedLongestWithoutContactFirstThenErasedAsTheSystem() throws Exception {
        TestUser rep = user("rep", Profile.SALES_REP);
        String stale = lead(rep, "stale.retention@example.fr");
        String recent = lead(rep, "recent.retention@example.fr");
        String converted = lead(rep, "converted.retention@example.fr");
        rep.api().post("/api/v1/leads/" + converted + "/qualify", null);
        rep.api().post("/api/v1/leads/" + converted + "/convert", "{}");
        String prospect = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Prospect Retention\"}"));
        String silent = contact(rep, prospect, "Silencieux");
        String called = contact(rep, prospect, "Appelé");
        rep.api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Relance\", \"contactId\": \""
                + called + "\"}");
        ago("lead_view", 5, stale, converted);
        ago("lead_view", 2, recent);
        ago("contact_view", 4, silent, called);
        String call = jdbc.queryForObject("select id from activity_view where contact_id = ?", String.class, called);
        ago("activity_view", "created_at", 4, call);
        ago("activity_view", "occurred_at", 1, call);
        TestUser steward = user("steward", Profile.DATA_STEWARD);

        Response dryRun = steward.api().get("/api/v1/data-subjects/retention?size=200");

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        List<String> listed = ids(dryRun.body(), Set.of(stale, recent, converted, silent, called));
        assertThat(listed).containsExactly("LEAD/" + stale, "CONTACT/" + silent);

        assertThat(retention.eraseDue()).isGreaterThanOrEqualTo(2);

        assertThat(ids(steward.api().get("/api/v1/data-subjects/retention?size=200").body(),
                Set.of(stale, silent))).isEmpty();
        DomainEventMessage<?> erasure = eventsOf(stale).stream()
                .filter(event -> event.getPayloadType() == LeadPersonalDataErased.class).findFirst().orElseThrow();
        assertThat(erasure.getMetaData().get("userId")).isEqualTo("system:retention");
        assertThat(((LeadPersonalDataErased) erasure.getPayload()).request().reason())
                .startsWith("Retention: no contact since ").endsWith("(P3Y without contact)");
        assertThat(jdbc.queryForObject("select count(*) from data_subject_key where erased_at is not null and "
                + "subject_id in (?, ?, ?, ?)", Integer.class, recent, converted, called, stale)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"SALES_REP", "SALES_MANAGER", "ANALYST", "AUDITOR"})
    void onlyDataStewardsAndAdministratorsSeeTheDryRun(Profile profile) {
        assertThat(user("someone", profile).api().get("/api/v1/data-subjects/retention").status()).isEqualTo(403);
        assertThat(api().get("/api/v1/data-subjects/retention").status()).isEqualTo(200);
    }

    private String lead(TestUser rep, String email) {
        return created(rep.api().post("/api/v1/leads", "{\"email\": \"" + email + "\", \"company\": \"Retenue SA\", "
                + "\"source\": \"WEB_FORM\"}"));
    }

    private static String contact(TestUser rep, String account, String lastName) {
        return rep.api().post("/api/v1/accounts/" + account + "/contacts", "{\"lastName\": \"" + lastName + "\"}")
                .header("Location").replaceAll(".*/", "");
    }

    private void ago(String table, int years, String... ids) {
        for (String id : ids) {
            ago(table, "updated_at", years, id);
        }
    }

    /** Sets a time of a read-model row back, to be put back after the test unless an event changed it since. */
    private void ago(String table, String column, int years, String id) {
        Timestamp original = jdbc.queryForObject("select " + column + " from " + table + " where id = ?",
                Timestamp.class, id);
        Timestamp shifted = jdbc.queryForObject("update " + table + " set " + column + " = " + column
                + " - make_interval(years => ?) where id = ? returning " + column, Timestamp.class, years, id);
        shiftedBack.add(() -> jdbc.update("update " + table + " set " + column + " = ? where id = ? and " + column
                + " = ?", original, id, shifted));
    }

    /** A rebuild of the read models gives them their times from the events: the shifted ones are put back. */
    @AfterEach
    void putTimesBack() {
        shiftedBack.forEach(Runnable::run);
        shiftedBack.clear();
    }

    private static List<String> ids(JsonNode page, Set<String> among) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(candidate -> {
            if (among.contains(candidate.get("id").asText())) {
                ids.add(candidate.get("kind").asText() + "/" + candidate.get("id").asText());
            }
        });
        return ids;
    }
}
