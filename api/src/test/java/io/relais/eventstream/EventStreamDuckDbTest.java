package io.relais.eventstream;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst's own tool reads the stream: DuckDB loads the JSON Lines of GET /api/v1/events as they come, and its
 * counts and sums agree with the event store and with the read models.
 */
class EventStreamDuckDbTest extends ApiTestSupport {

    @TempDir
    Path folder;

    @Test
    void duckDbCountsTheEventsByTypeAndSumsTheWonAmountsPerOwnerAsTheReadModelsDo() throws Exception {
        long start = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        TestUser first = user("duck-rep-one", Profile.SALES_REP);
        TestUser second = user("duck-rep-two", Profile.SALES_REP);
        String firstAccount = account(first, "Canard Analytique SARL");
        String secondAccount = account(second, "Colvert Données SA");
        win(first, firstAccount, "12000.50");
        win(first, firstAccount, "3000");
        win(second, secondAccount, "7250.25");
        String lost = open(second, secondAccount, "9999");
        assertThat(second.api().post("/api/v1/opportunities/" + lost + "/close-lost", "{\"reason\": \"COMPETITOR\"}")
                .status()).isEqualTo(200);
        awaitSettled();

        Response stream = api().get("/api/v1/events?after=" + start, "Accept", "application/x-ndjson");
        Path events = folder.resolve("events.ndjson");
        Files.writeString(events, stream.raw().body());

        Map<String, Long> perType = new HashMap<>();
        Map<String, BigDecimal> wonPerOwner = new HashMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            sql.execute("create table events as select * from read_json_auto('" + events + "', format = 'newline_delimited')");
            try (ResultSet rows = sql.executeQuery("select type, count(*) from events group by type")) {
                while (rows.next()) {
                    perType.put(rows.getString(1), rows.getLong(2));
                }
            }
            try (ResultSet rows = sql.executeQuery("select payload.ownerId, sum(cast(payload.amount as decimal(19, 2))) "
                    + "from events where type = 'OpportunityWon' group by all")) {
                while (rows.next()) {
                    wonPerOwner.put(rows.getString(1), rows.getBigDecimal(2));
                }
            }
        }

        Map<String, Long> stored = new HashMap<>();
        jdbc.query("select payloadtype, count(*) from domainevententry where globalindex > ? group by payloadtype",
                row -> {
                    String type = row.getString(1);
                    stored.put(type.substring(type.lastIndexOf('.') + 1), row.getLong(2));
                }, start);
        assertThat(perType).isEqualTo(stored);
        for (TestUser owner : List.of(first, second)) {
            BigDecimal readModel = jdbc.queryForObject("select sum(amount) from opportunity_view where owner_id = ? "
                    + "and status = 'WON'", BigDecimal.class, owner.id());
            assertThat(wonPerOwner.get(owner.id())).as(owner.id()).isEqualByComparingTo(readModel);
        }
        assertThat(wonPerOwner.get(first.id())).isEqualByComparingTo("15000.50");
    }

    private static String account(TestUser owner, String name) {
        return created(owner.api().post("/api/v1/accounts", "{\"legalName\": \"" + name + "\"}"));
    }

    private void win(TestUser owner, String account, String amount) {
        String deal = open(owner, account, amount);
        assertThat(owner.api().post("/api/v1/opportunities/" + deal + "/close-won", null).status()).isEqualTo(200);
    }

    private static String open(TestUser owner, String account, String amount) {
        return created(owner.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Contrat " + amount + "\", \"currency\": \"EUR\", \"amount\": " + amount + ", "
                + "\"expectedCloseDate\": \"2027-06-30\"}"));
    }
}
