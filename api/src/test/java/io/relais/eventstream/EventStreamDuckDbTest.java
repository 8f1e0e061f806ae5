package io.relais.eventstream;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.NeedsPostgreSqlEventStore;
import io.relais.support.SalesHistory;
import io.relais.tools.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst's own tool reads the history: the command-line export (JSON Lines, gzipped, or CSV) loads into DuckDB
 * as it is, and its counts and sums agree with the event store and with the read models; the export holds the
 * same lines as GET /api/v1/events, an erased person's values in neither.
 */
@NeedsPostgreSqlEventStore
class EventStreamDuckDbTest extends ApiTestSupport {

    @TempDir
    Path folder;

    @Value("${relais.embedded-db.data-directory}")
    String dataDirectory;

    @Test
    void duckDbCountsTheExportedEventsByTypeAndSumsTheWonAmountsPerOwnerAsTheReadModelsDo() throws Exception {
        long start = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        TestUser first = user("duck-rep-one", Profile.SALES_REP);
        TestUser second = user("duck-rep-two", Profile.SALES_REP);
        String firstAccount = SalesHistory.account(first.api(), "Canard Analytique SARL");
        String secondAccount = SalesHistory.account(second.api(), "Colvert Données SA");
        SalesHistory.win(first.api(), firstAccount, "12000.50");
        SalesHistory.win(first.api(), firstAccount, "3000");
        SalesHistory.win(second.api(), secondAccount, "7250.25");
        String lost = SalesHistory.open(second.api(), secondAccount, "9999");
        assertThat(second.api().post("/api/v1/opportunities/" + lost + "/close-lost", "{\"reason\": \"COMPETITOR\"}")
                .status()).isEqualTo(200);
        String erased = created(api().post("/api/v1/leads", "{\"firstName\": \"Oriane\", \"lastName\": \"Effacée\", "
                + "\"email\": \"oriane.effacee@example.fr\", \"company\": \"Canard Analytique SARL\", "
                + "\"source\": \"WEB_FORM\"}"));
        assertThat(api().post("/api/v1/data-subjects/LEAD/" + erased + "/erasure", "{\"reason\": \"Asked by phone\"}")
                .status()).isEqualTo(200);
        awaitSettled();

        String stream = api().get("/api/v1/events?after=" + start, "Accept", "application/x-ndjson").raw().body();
        Path gzipped = export("events.ndjson.gz", start);
        Path csv = export("events.csv", start);

        try (InputStream lines = new GZIPInputStream(Files.newInputStream(gzipped))) {
            assertThat(new String(lines.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(stream)
                    .contains("\"recordId\":\"" + erased + "\"").doesNotContain("Oriane", "oriane.effacee");
        }
        assertThat(Files.readString(csv)).doesNotContain("Oriane", "oriane.effacee");
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("select payloadtype, count(*) from domainevententry where globalindex > ? group by payloadtype",
                row -> {
                    String type = row.getString(1);
                    stored.put(type.substring(type.lastIndexOf('.') + 1), row.getLong(2));
                }, start);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            sql.execute("create table events as select * from read_json_auto('" + gzipped + "', "
                    + "format = 'newline_delimited')");
            sql.execute("create table csv_events as select * from read_csv('" + csv + "', header = true)");
            assertThat(perType(sql, "events")).isEqualTo(stored);
            assertThat(perType(sql, "csv_events")).isEqualTo(stored);
            Map<String, BigDecimal> won = wonPerOwner(sql, "select payload.ownerId, sum(cast(payload.amount as "
                    + "decimal(19, 2))) from events where type = 'OpportunityWon' group by all");
            assertThat(wonPerOwner(sql, "select payload->>'ownerId', sum(cast(payload->>'amount' as decimal(19, 2))) "
                    + "from csv_events where type = 'OpportunityWon' group by all")).isEqualTo(won);
            try (ResultSet erasedLines = sql.executeQuery("select count(*) from events where recordId = '" + erased
                    + "' and type = 'LeadCaptured' and personalDataErased and payload.details.email is null")) {
                erasedLines.next();
                assertThat(erasedLines.getLong(1)).isEqualTo(1);
            }
            for (TestUser owner : List.of(first, second)) {
                BigDecimal readModel = jdbc.queryForObject("select sum(amount) from opportunity_view where owner_id = ? "
                        + "and status = 'WON'", BigDecimal.class, owner.id());
                assertThat(won.get(owner.id())).as(owner.id()).isEqualByComparingTo(readModel);
            }
            assertThat(won.get(first.id())).isEqualByComparingTo("15000.50");
        }
    }

    @Test
    void anExportTakesTheEventTypesAskedFor() throws Exception {
        long start = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        TestUser rep = user("duck-rep-three", Profile.SALES_REP);
        String account = SalesHistory.account(rep.api(), "Sarcelle Chiffres SAS");
        SalesHistory.win(rep.api(), account, "4100");
        SalesHistory.open(rep.api(), account, "800");

        Path won = folder.resolve("won.ndjson");
        assertThat(Tools.run(new String[] {"export", "events", "--out=" + won, "--after=" + start,
                "--types=OpportunityWon", "--relais.embedded-db.data-directory=" + dataDirectory}, System.out))
                .isZero();

        List<String> lines = Files.readAllLines(won);
        assertThat(lines).singleElement().satisfies(line -> assertThat(json(line).get("type").asText())
                .isEqualTo("OpportunityWon"));
        assertThat(json(lines.get(0)).get("payload").get("amount").decimalValue()).isEqualByComparingTo("4100");
    }

    @Test
    void anExportRefusesWhatItCannotDoAndWritesNothing() {
        Path out = folder.resolve("refused.ndjson");
        String data = "--relais.embedded-db.data-directory=" + dataDirectory;
        assertThat(Tools.run(new String[] {"export", "events", "--out=" + folder.resolve("events.txt"), data},
                System.out)).isEqualTo(2);
        assertThat(Tools.run(new String[] {"export", "events", "--out=" + out, "--after=-1", data}, System.out))
                .isEqualTo(2);
        assertThat(Tools.run(new String[] {"export", "events", "--out=" + out, "--types=LeadImagined", data},
                System.out)).isEqualTo(2);
        assertThat(Tools.run(new String[] {"export", "leads", "--out=" + out, data}, System.out)).isEqualTo(2);
        assertThat(Tools.run(new String[] {"export", "events", data}, System.out)).isEqualTo(2);
        assertThat(folder).isEmptyDirectory();
    }

    private Path export(String name, long after) {
        Path file = folder.resolve(name);
        assertThat(Tools.run(new String[] {"export", "events", "--out=" + file, "--after=" + after,
                "--relais.embedded-db.data-directory=" + dataDirectory}, System.out)).isZero();
        return file;
    }

    private static Map<String, Long> perType(Statement sql, String table) throws Exception {
        Map<String, Long> perType = new HashMap<>();
        try (ResultSet rows = sql.executeQuery("select type, count(*) from " + table + " group by type")) {
            while (rows.next()) {
                perType.put(rows.getString(1), rows.getLong(2));
            }
        }
        return perType;
    }

    private static Map<String, BigDecimal> wonPerOwner(Statement sql, String query) throws Exception {
        Map<String, BigDecimal> won = new HashMap<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                won.put(rows.getString(1), rows.getBigDecimal(2));
            }
        }
        return won;
    }
}
