package io.relais.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.HttpApi;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list leaves the CRM as a file over HTTP: the list's filters, order and visibility, whole (more rows than
 * a database fetch), as CSV a French spreadsheet opens or as JSON Lines, recorded in the audit before it is sent;
 * bad parameters refused before anything is recorded.
 */
class ListExportApiTest extends ApiTestSupport {

    @Test
    void aLeadExportHoldsTheListsRowsInItsOrderAsASemicolonSeparatedUtf8FileWithABom() throws IOException {
        String tag = "Export" + UUID.randomUUID().toString().substring(0, 8);
        String first = lead("Zoé", "Lefèvre", tag + " Café; Bistrot", null);
        String second = lead("Amélie", "Bernard", tag + " \"Le Nord\"\nEntrepôt", null);
        String formula = lead("Hugo", "Martin", "=HYPERLINK(\"http://evil\") " + tag, "+33 1 23 45 67 89");

        Response file = api().get("/api/v1/leads/export?q=" + tag + "&sort=lastName,asc");

        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(file.header("Content-Disposition")).matches("attachment; filename=\"leads-\\d{8}-\\d{6}\\.csv\"");
        String text = file.raw().body();
        assertThat(text).startsWith("\uFEFFid;version;status;details.");
        List<CSVRecord> rows = csv(text.substring(1), ';');
        List<String> header = rows.get(0).toList();
        assertThat(header).contains("details.firstName", "details.lastName", "details.company", "ownerId",
                "capturedAt", "mergedLeadIds", "personalDataErased");
        List<CSVRecord> leads = rows.subList(1, rows.size());
        assertThat(leads).extracting(row -> row.get(header.indexOf("id"))).containsExactly(second, first, formula);
        assertThat(leads.get(0).get(header.indexOf("details.company"))).isEqualTo(tag + " \"Le Nord\"\nEntrepôt");
        assertThat(leads.get(1).get(header.indexOf("details.company"))).isEqualTo(tag + " Café; Bistrot");
        assertThat(leads.get(2).get(header.indexOf("details.company"))).startsWith("'=HYPERLINK");
        assertThat(leads.get(1).get(header.indexOf("details.firstName"))).isEqualTo("Zoé");
        assertThat(leads.get(1).get(header.indexOf("mergedLeadIds"))).isEqualTo("[]");

        List<CSVRecord> commas = csv(api().get("/api/v1/leads/export?q=" + tag + "&separator=COMMA").raw().body()
                .substring(1), ',');
        assertThat(commas.get(0).toList()).isEqualTo(header);
        assertThat(commas).hasSize(4);
    }

    @Test
    void jsonLinesHoldTheRowsAsTheListsPageShowsThemEvenPastADatabaseFetch() throws Exception {
        String tag = "Lignes" + UUID.randomUUID().toString().substring(0, 8);
        int count = 700;
        List<String> made = concurrently(4, () -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count / 4; i++) {
                ids.add(lead("Prénom", "Nom" + i, tag, null));
            }
            return ids;
        }).stream().flatMap(List::stream).toList();

        Response file = api().get("/api/v1/leads/export?format=NDJSON&q=" + tag + "&sort=lastName,asc",
                "Accept", "application/x-ndjson");

        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("application/x-ndjson");
        List<JsonNode> lines = file.raw().body().lines().map(ApiTestSupport::json).toList();
        assertThat(lines).extracting(line -> line.get("id").asText()).containsExactlyInAnyOrderElementsOf(made);
        JsonNode page = api().get("/api/v1/leads?q=" + tag + "&sort=lastName,asc&size=200").body();
        assertThat(lines.subList(0, 200)).isEqualTo(listOf(page.get("content")));
    }

    @Test
    void aRepExportsOnlyWhatTheyMaySee() {
        exportByARep();
    }

    @Test
    @NeedsPostgreSqlEventStore
    void theExportIsRecordedWithWhoAndTheFilters() {
        TestUser rep = exportByARep();
        String tag = rep.id().substring(rep.id().lastIndexOf('-') + 1);

        JsonNode exports = api().get("/api/v1/audit/events?userId=" + rep.id() + "&eventType=ListExported").body();
        assertThat(exports.get("content")).hasSize(1);
        JsonNode entry = exports.get("content").get(0);
        assertThat(entry.get("record").get("type").asText()).isEqualTo("EXPORT");
        assertThat(entry.get("userId").asText()).isEqualTo(rep.id());
        assertThat(changes(entry)).contains("list=accounts", "format=NDJSON", "userId=" + rep.id(),
                "filters=format=NDJSON&q=Visible" + tag);
    }

    /** A rep exports the accounts of a tag of their own: theirs, not the administrator's. Answers the rep. */
    private TestUser exportByARep() {
        TestUser rep = user("exporting-rep", Profile.SALES_REP);
        String tag = "Visible" + rep.id().substring(rep.id().lastIndexOf('-') + 1);
        String theirs = ApiTestSupport.created(rep.api().post("/api/v1/accounts",
                "{\"legalName\": \"" + tag + " Mine SARL\"}"));
        String others = ApiTestSupport.created(api().post("/api/v1/accounts",
                "{\"legalName\": \"" + tag + " Other SA\"}"));

        Response file = rep.api().get("/api/v1/accounts/export?format=NDJSON&q=" + tag);

        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.raw().body().lines().map(line -> json(line).get("id").asText())).containsExactly(theirs)
                .doesNotContain(others);
        return rep;
    }

    @Test
    void everyListExports() {
        String tag = "Listes" + UUID.randomUUID().toString().substring(0, 8);
        String account = ApiTestSupport.created(api().post("/api/v1/accounts", "{\"legalName\": \"" + tag
                + " Industrie SA\"}"));
        ApiTestSupport.created(api().post("/api/v1/accounts", "{\"legalName\": \"" + tag + " Industrie\"}"));
        assertThat(api().post("/api/v1/accounts/" + account + "/contacts", "{\"firstName\": \"Léa\", "
                + "\"lastName\": \"Roux\"}").status()).isEqualTo(201);
        String deal = ApiTestSupport.created(api().post("/api/v1/opportunities", "{\"accountId\": \"" + account
                + "\", \"name\": \"" + tag + " renouvellement\", \"currency\": \"EUR\", \"expectedCloseDate\": "
                + "\"2027-03-31\", \"amount\": 1000}"));
        String call = ApiTestSupport.created(api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": "
                + "\"Appel\", \"accountId\": \"" + account + "\"}"));
        awaitSettled();

        assertThat(ids("/api/v1/accounts/" + account + "/contacts/export?format=NDJSON")).hasSize(1);
        assertThat(ids("/api/v1/opportunities/export?format=NDJSON&accountId=" + account)).containsExactly(deal);
        assertThat(ids("/api/v1/activities/export?format=NDJSON&accountId=" + account)).containsExactly(call);
        Response pairs = api().get("/api/v1/duplicates/export?kind=ACCOUNT&recordId=" + account);
        assertThat(pairs.status()).as(pairs.toString()).isEqualTo(200);
        assertThat(pairs.raw().body().lines().skip(1).toList()).hasSize(1);
        assertThat(pairs.raw().body().lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFkind;first.id;first.label;first.ownerId;second.id;second.label;second.ownerId;"
                        + "score;reasons;foundAt");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/leads/export?format=XML, format",
            "/api/v1/leads/export?separator=TAB, separator",
            "/api/v1/leads/export?sort=colour, sort",
            "/api/v1/opportunities/export?closingFrom=2026-02-30, closingFrom",
            "/api/v1/duplicates/export, kind",
            "/api/v1/duplicates/export?kind=CONTACT, kind",
            "/api/v1/duplicates/export?kind=LEAD&minScore=2, minScore"})
    void aWrongParameterIsRefusedNamingItAndNothingIsRecorded(String path, String field) {
        TestUser steward = user("refused-exporter", Profile.DATA_STEWARD);
        long before = storedEvents();

        Response refused = steward.api().get(path);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/leads/export", "/api/v1/activities/export", "/api/v1/accounts/export",
            "/api/v1/opportunities/export"})
    void anExportAskedForAsJsonOnlyIsNotAcceptableRatherThanARecordNamedExport(String path) {
        Response refused = api().get(path, "Accept", "application/json");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(406);
    }

    @Test
    void anExportNeedsSignInAndAnAccountTheCallerMaySee() {
        assertThat(anonymous().get("/api/v1/leads/export").status()).isEqualTo(401);
        TestUser rep = user("stranger-rep", Profile.SALES_REP);
        String account = ApiTestSupport.created(api().post("/api/v1/accounts", "{\"legalName\": \"Hors champ SA\"}"));
        assertThat(rep.api().get("/api/v1/accounts/" + account + "/contacts/export").status()).isEqualTo(404);
    }

    private String lead(String firstName, String lastName, String company, String phone) {
        return ApiTestSupport.created(api().post("/api/v1/leads", "{\"firstName\": " + text(firstName)
                + ", \"lastName\": " + text(lastName) + ", \"company\": " + text(company) + ", \"phone\": "
                + text(phone) + ", \"source\": \"PARTNER_FILE\"}"));
    }

    private static String text(String value) {
        return value == null ? "null" : JSON.valueToTree(value).toString();
    }

    private List<String> ids(String path) {
        Response file = api().get(path);
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        return file.raw().body().lines().map(line -> json(line).get("id").asText()).toList();
    }

    private static List<JsonNode> listOf(JsonNode array) {
        return IntStream.range(0, array.size()).mapToObj(array::get).toList();
    }

    private static List<String> changes(JsonNode entry) {
        List<String> changes = new ArrayList<>();
        entry.get("changes").forEach(change -> changes.add(change.get("field").asText() + "="
                + change.get("newValue").asText()));
        return changes;
    }

    private static List<CSVRecord> csv(String text, char separator) throws IOException {
        return CSVFormat.EXCEL.builder().setDelimiter(separator).get().parse(new StringReader(text)).getRecords();
    }
}
