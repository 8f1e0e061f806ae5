package io.relais.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.HttpApi;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Files of leads imported over HTTP as partners and spreadsheets write them: French and English headers,
 * Windows-1252 and UTF-8, semicolons and commas, quoted line breaks, broken rows refused with their line and
 * listed to fix; rows imported again found made; bad files and callers refused before anything is written.
 */
class ImportApiTest extends ApiTestSupport {

    @Autowired
    private ImportFilesRetention retention;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static String tag(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aFrenchSpreadsheetInWindows1252IsImportedItsBrokenRowsListedWithTheirLinesAndNothingTwice() throws IOException {
        String tag = tag("Salon");
        String file = String.join("\r\n",
                "Raison sociale;Prénom;Nom;E-mail;Téléphone;Code postal;Ville;Pays;Consentement;Date du consentement;Commentaire",
                tag + " Boulangerie Lefèvre;Zoé;Lefèvre;zoe.lefevre@example.fr;01 23 45 67 89;69002;Lyon;France;oui;20/11/2026;\"Rencontrée au stand,\r\nrappeler en janvier\"",
                tag + " Café de l'Est;Amélie;Bernard;pas-un-email;;67000;Strasbourg;France;;;",
                tag + " Entrepôt Nord;;;;;59000;Lille;France;;;sans contact",
                tag + " Garage Müller;Jürgen;Müller;;+33 3 88 00 00 00;67100;Strasbourg;Allemagne;non;2026-10-01;") + "\r\n";
        byte[] content = file.getBytes(WINDOWS_1252);

        Response started = api().postFile("/api/v1/imports", "/home/lea/Documents/salon-lyon.csv", content, "kind",
                "LEADS", "source", "Salon Lyon 2026");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.body().get("id").asText();
        assertThat(started.header("Location")).isEqualTo("/api/v1/imports/" + id);
        assertThat(started.body().get("fileName").asText()).isEqualTo("salon-lyon.csv");
        assertThat(started.body().get("encoding").asText()).isEqualTo("windows-1252");
        assertThat(started.body().get("separator").asText()).isEqualTo(";");
        assertThat(started.body().get("rows").asInt()).isEqualTo(4);
        assertThat(started.body().get("mapping").get("Raison sociale").asText()).isEqualTo("company");
        assertThat(started.body().get("mapping").get("Date du consentement").asText()).isEqualTo("consentDate");
        JsonNode done = completed(id);
        assertThat(done.get("read").asInt()).isEqualTo(4);
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(done.get("refused").asInt()).isEqualTo(2);
        assertThat(done.get("percent").asInt()).isEqualTo(100);

        JsonNode leads = listed(api(), "/api/v1/leads?q=" + tag + "&sort=lastName,asc", 2);
        assertThat(leads).hasSize(2);
        JsonNode zoe = leads.get(0);
        assertThat(zoe.get("details").get("firstName").asText()).isEqualTo("Zoé");
        assertThat(zoe.get("details").get("company").asText()).isEqualTo(tag + " Boulangerie Lefèvre");
        assertThat(zoe.get("details").get("country").asText()).isEqualTo("FR");
        assertThat(zoe.get("details").get("notes").asText()).isEqualTo("Rencontrée au stand,\r\nrappeler en janvier");
        assertThat(zoe.get("source").asText()).isEqualTo("PARTNER_FILE");
        assertThat(zoe.get("sourceDetail").asText()).isEqualTo("Salon Lyon 2026");
        assertThat(zoe.get("marketingConsent").asBoolean()).isTrue();
        assertThat(leads.get(1).get("details").get("country").asText()).isEqualTo("DE");

        Response errors = api().get("/api/v1/imports/" + id + "/errors", "Accept", "text/csv");
        assertThat(errors.status()).as(errors.toString()).isEqualTo(200);
        String text = errors.raw().body();
        assertThat(text).startsWith("\uFEFFLigne;Colonne;Problème;Raison sociale;Prénom");
        List<CSVRecord> rows = csv(text.substring(1), ';');
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(0)).isEqualTo("4");
        assertThat(rows.get(1).get(1)).isEqualTo("E-mail");
        assertThat(rows.get(1).get(3)).isEqualTo(tag + " Café de l'Est");
        assertThat(rows.get(2).get(0)).isEqualTo("5");
        assertThat(rows.get(2).get(1)).isEqualTo("E-mail");
        assertThat(rows.get(2).get(2)).contains("one way to reach");

        Response again = api().postFile("/api/v1/imports", "salon-lyon.csv", content, "kind", "LEADS");
        JsonNode second = completed(again.body().get("id").asText());
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("alreadyImported").asInt()).isEqualTo(2);
        assertThat(second.get("refused").asInt()).isEqualTo(2);
        assertThat(api().get("/api/v1/leads?q=" + tag).body().get("content")).hasSize(2);
    }

    @Test
    @NeedsPostgreSqlEventStore
    void theAuditShowsWhoImportedWhichFileAndEverythingTheImportMade() {
        String tag = tag("Audit");
        Response started = api().postFile("/api/v1/imports", "audit.csv", ("Société;E-mail\n" + tag
                + ";audit@example.fr\n").getBytes(StandardCharsets.UTF_8), "kind", "LEADS");
        String id = started.body().get("id").asText();
        completed(id);

        JsonNode record = api().get("/api/v1/audit/events?recordType=IMPORT&recordId=" + id).body().get("content");
        assertThat(record).extracting(entry -> entry.get("type").asText()).containsExactlyInAnyOrder("ImportStarted",
                "ImportFinished");
        JsonNode history = api().get("/api/v1/audit/events?correlationId=" + id).body().get("content");
        assertThat(history).extracting(entry -> entry.get("type").asText()).contains("LeadCaptured",
                "ImportFinished");
        JsonNode capture = history.findParents("type").stream().filter(e -> e.get("type").asText()
                .equals("LeadCaptured")).findFirst().orElseThrow();
        assertThat(capture.get("userId").asText()).isEqualTo("system:import");
        assertThat(capture.get("onBehalfOf").asText()).isEqualTo("admin");
    }

    @Test
    void aSystemsUtf8FileWithCommasAMappingAndAKeyColumnIsImportedOnceAcrossFiles() {
        String tag = tag("Partner");
        String first = "\uFEFFPartner id,Company,Mél,First name,Last name,Internal\n"
                + "P-1," + tag + " Acme,jane@acme.example,Jane,Doe,x\n"
                + "P-2,\"" + tag + " Widgets, Inc.\",john@widgets.example,John,Smith,y\n";
        Response started = api().postFile("/api/v1/imports", "partner.csv", first.getBytes(StandardCharsets.UTF_8),
                "kind", "LEADS", "mapping", "{\"Mél\": \"email\", \"Internal\": \"\"}", "keyColumn", "Partner id");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.body().get("separator").asText()).isEqualTo(",");
        assertThat(started.body().get("unmappedColumns")).extracting(JsonNode::asText)
                .containsExactly("Partner id", "Internal");
        assertThat(completed(started.body().get("id").asText()).get("created").asInt()).isEqualTo(2);

        String update = "Partner id;Company;Mél\nP-2;" + tag + " Widgets;john@widgets.example\nP-3;" + tag
                + " Gadgets;ann@gadgets.example\n";
        Response next = api().postFile("/api/v1/imports", "partner-2.csv", update.getBytes(StandardCharsets.UTF_8),
                "kind", "LEADS", "mapping", "{\"Mél\": \"email\"}", "keyColumn", "Partner id");
        JsonNode done = completed(next.body().get("id").asText());
        assertThat(done.get("created").asInt()).isEqualTo(1);
        assertThat(done.get("alreadyImported").asInt()).isEqualTo(1);
        assertThat(listed(api(), "/api/v1/leads?q=" + tag, 3)).hasSize(3);
    }

    @Test
    void aDryRunAnswersWhatTheImportWouldDoAndWritesNothing() {
        String tag = tag("Essai");
        String file = "Société;E-mail\n" + tag + " Un;un@example.fr\n" + tag + " Deux;deux@\n";
        long before = storedEvents();

        Response checked = api().postFile("/api/v1/imports", "essai.csv", file.getBytes(StandardCharsets.UTF_8),
                "kind", "LEADS", "dryRun", "true");

        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.body().get("status").asText()).isEqualTo("CHECKED");
        assertThat(checked.body().get("id").isNull()).isTrue();
        assertThat(checked.body().get("created").asInt()).isEqualTo(1);
        assertThat(checked.body().get("refused").asInt()).isEqualTo(1);
        JsonNode refusal = checked.body().get("refusals").get(0);
        assertThat(refusal.get("line").asInt()).isEqualTo(3);
        assertThat(refusal.get("field").asText()).isEqualTo("email");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api().get("/api/v1/leads?q=" + tag).body().get("content")).isEmpty();
    }

    @Test
    void tenThousandRowsAreImportedInTheBackground() {
        String tag = tag("Masse");
        StringBuilder file = new StringBuilder("Raison sociale;E-mail;Code postal\n");
        for (int i = 0; i < 10_000; i++) {
            file.append(tag).append(" Société ").append(i).append(";contact").append(i).append('@').append(tag)
                    .append(".example;75").append(String.format("%03d", i % 1000)).append('\n');
        }
        Response started = api().postFile("/api/v1/imports", "masse.csv",
                file.toString().getBytes(StandardCharsets.UTF_8), "kind", "LEADS");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);

        JsonNode done = completed(started.body().get("id").asText(), Duration.ofMinutes(5));

        assertThat(done.get("created").asInt()).isEqualTo(10_000);
        assertThat(done.get("refused").asInt()).isZero();
        assertThat(listed(api(), "/api/v1/leads?q=" + tag + "&size=1", 10_000)).hasSize(1);
    }

    @Test
    void badFilesAreRefusedNamingTheFieldBeforeAnythingIsWritten() {
        long before = storedEvents();
        byte[] leads = "E-mail\nun@example.fr\n".getBytes(StandardCharsets.UTF_8);

        assertRefused(api().postFile("/api/v1/imports", "vide.csv", new byte[0], "kind", "LEADS"), "file");
        assertRefused(api().postFile("/api/v1/imports", "blanc.csv", "\uFEFF \r\n".getBytes(StandardCharsets.UTF_8),
                "kind", "LEADS"), "file");
        assertRefused(api().postFile("/api/v1/imports", "entete.csv", "Société;E-mail\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8), "kind", "LEADS"), "file");
        assertRefused(api().postFile("/api/v1/imports", "image.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0,
                13, 'I', 'H', 'D', 'R'}, "kind", "LEADS"), "file");
        assertRefused(api().postFile("/api/v1/imports", "a.csv", "Nom;Email\n\"Dupont;d@example.fr\n"
                .getBytes(StandardCharsets.UTF_8), "kind", "LEADS"), "file");
        assertRefused(api().postFile("/api/v1/imports", "a.csv", leads, "kind", "LEADS", "mapping",
                "{\"Courriel\": \"email\"}"), "mapping.Courriel");
        assertRefused(api().postFile("/api/v1/imports", "a.csv", leads, "kind", "LEADS", "mapping",
                "{\"E-mail\": \"age\"}"), "mapping.E-mail");
        assertRefused(api().postFile("/api/v1/imports", "a.csv", "Âge;Pointure\n32;40\n"
                .getBytes(StandardCharsets.UTF_8), "kind", "LEADS"), "mapping");
        assertRefused(api().postFile("/api/v1/imports", "a.csv", leads, "kind", "LEADS", "keyColumn", "Id"),
                "keyColumn");
        assertRefused(api().postFile("/api/v1/imports", "a.csv", leads), "kind");
        assertRefused(api().postFile("/api/v1/imports", "a.csv", null, "kind", "LEADS"), "file");
        assertRefused(api().send("POST", "/api/v1/imports", "kind=LEADS", "multipart/form-data"), "body");
        assertRefused(api().send("POST", "/api/v1/imports", "--x\r\nContent-Disposition: form-data; name=\"file\"",
                "multipart/form-data; boundary=x"), "body");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsDataStewardsAndManagersIntoTheirSubtreeImportAndReadTheirImports() {
        TestUser manager = user("importing-manager", Profile.SALES_MANAGER);
        TestUser rep = user("team-rep", Profile.SALES_REP, manager);
        TestUser outsider = user("other-rep", Profile.SALES_REP);
        TestUser steward = user("importing-steward", Profile.DATA_STEWARD);
        String tag = tag("Equipe");
        byte[] file = ("Société;E-mail\n" + tag + ";equipe@example.fr\n").getBytes(StandardCharsets.UTF_8);

        assertThat(rep.api().postFile("/api/v1/imports", "a.csv", file, "kind", "LEADS").status()).isEqualTo(403);
        TestUser analyst = user("analyst", Profile.ANALYST);
        assertThat(analyst.api().postFile("/api/v1/imports", "a.csv", file, "kind", "LEADS").status()).isEqualTo(403);
        assertThat(manager.api().postFile("/api/v1/imports", "a.csv", file, "kind", "LEADS", "ownerId",
                outsider.id()).status()).isEqualTo(403);

        Response forTeam = manager.api().postFile("/api/v1/imports", "a.csv", file, "kind", "LEADS", "ownerId",
                rep.id());
        assertThat(forTeam.status()).as(forTeam.toString()).isEqualTo(202);
        String id = forTeam.body().get("id").asText();
        await().atMost(Duration.ofMinutes(1)).until(() -> manager.api().get("/api/v1/imports/" + id).body()
                .get("status").asText().equals("COMPLETED"));
        assertThat(listed(rep.api(), "/api/v1/leads?q=" + tag, 1).get(0).get("ownerId").asText())
                .isEqualTo(rep.id());
        assertThat(outsider.api().get("/api/v1/imports/" + id).status()).isEqualTo(404);
        assertThat(manager.api().get("/api/v1/imports").body().get("content")).extracting(i -> i.get("id").asText())
                .containsExactly(id);
        assertThat(outsider.api().get("/api/v1/imports").body().get("totalElements").asLong()).isZero();
        assertThat(steward.api().get("/api/v1/imports?size=200").body().get("content"))
                .extracting(i -> i.get("id").asText()).contains(id);
        assertThat(steward.api().get("/api/v1/imports/" + id).status()).isEqualTo(200);
        assertThat(analyst.api().get("/api/v1/imports/" + id + "/errors", "Accept", "text/csv").status())
                .as("analysts follow every import").isEqualTo(200);
        assertThat(rep.api().get("/api/v1/imports/" + id + "/errors", "Accept", "text/csv").status()).isEqualTo(404);

        Response bySteward = steward.api().postFile("/api/v1/imports", "b.csv", ("Société;E-mail\n" + tag
                + " bis;bis@example.fr\n").getBytes(StandardCharsets.UTF_8), "kind", "LEADS");
        assertThat(bySteward.status()).as(bySteward.toString()).isEqualTo(202);
    }

    @Test
    void anImportsFileAndRefusedRowsAreDeletedOnceTheirTimeIsOverItsCountsKept() {
        Response started = api().postFile("/api/v1/imports", "retention.csv", ("E-mail\nnot-an-email\n"
                + "kept." + UUID.randomUUID() + "@example.fr\n").getBytes(StandardCharsets.UTF_8), "kind", "LEADS");
        String id = started.body().get("id").asText();
        JsonNode done = completed(id);
        Instant finished = Instant.parse(done.get("finishedAt").asText());
        assertThat(Instant.parse(done.get("errorsKeptUntil").asText())).isEqualTo(finished.plus(Duration.ofDays(30)));
        assertThat(api().get("/api/v1/imports/" + id + "/errors", "Accept", "text/csv").status()).isEqualTo(200);

        retention.deleteEndedBefore(finished.plusMillis(1));

        Response gone = api().get("/api/v1/imports/" + id + "/errors", "Accept", "text/csv");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("detail").asText()).contains("was deleted on");
        assertThat(jdbc.queryForObject("select count(*) from import_file where job_id = ?::uuid", Long.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from import_refusal where job_id = ?::uuid", Long.class, id))
                .isZero();
        JsonNode kept = api().get("/api/v1/imports/" + id).body();
        assertThat(kept.get("created").asInt()).isEqualTo(1);
        assertThat(kept.get("refused").asInt()).isEqualTo(1);
    }

    @Test
    void accountsWithTheirContactsAreImportedOneAccountPerCompany() {
        String tag = tag("Clients");
        String file = String.join("\n",
                "Raison sociale;SIRET;Adresse;Code postal;Ville;Effectif;Chiffre d'affaires;Prénom;Nom;Fonction;E-mail;Rôle",
                tag + " Imprimerie Martin;73282932000074;12 rue des Arts;69002;Lyon;45;1 250 000,50;Claire;Martin;"
                        + "Directrice;claire.martin@example.fr;DECISION_MAKER",
                tag + " Imprimerie Martin;73282932000074;12 rue des Arts;69002;Lyon;45;;Paul;Durand;Acheteur;"
                        + "paul.durand@example.fr;BUYER",
                tag + " Menuiserie Roux;;;13001;Marseille;;;;;;;",
                ";;;;;;;Sans;Société;;;",
                tag + " Garage Petit;;;31000;Toulouse;beaucoup;;;;;;") + "\n";

        Response checked = api().postFile("/api/v1/imports", "clients.csv", file.getBytes(StandardCharsets.UTF_8),
                "kind", "ACCOUNTS", "dryRun", "true");
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.body().get("mapping").get("Prénom").asText()).isEqualTo("contact.firstName");
        assertThat(checked.body().get("created").asInt()).isEqualTo(3);
        assertThat(checked.body().get("refused").asInt()).isEqualTo(2);

        Response started = api().postFile("/api/v1/imports", "clients.csv", file.getBytes(StandardCharsets.UTF_8),
                "kind", "ACCOUNTS");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode done = completed(started.body().get("id").asText());
        assertThat(done.get("created").asInt()).isEqualTo(3);
        assertThat(done.get("refused").asInt()).isEqualTo(2);

        JsonNode accounts = listed(api(), "/api/v1/accounts?q=" + tag + "&sort=legalName,asc", 2);
        assertThat(accounts).extracting(a -> a.get("details").get("legalName").asText())
                .containsExactly(tag + " Imprimerie Martin", tag + " Menuiserie Roux");
        JsonNode printer = accounts.get(0).get("details");
        assertThat(printer.get("headcount").asInt()).isEqualTo(45);
        assertThat(printer.get("annualRevenue").decimalValue()).isEqualByComparingTo("1250000.50");
        assertThat(printer.get("billingAddress").get("city").asText()).isEqualTo("Lyon");
        String contactsPath = "/api/v1/accounts/" + accounts.get(0).get("id").asText() + "/contacts";
        await().atMost(Duration.ofMinutes(1)).until(() -> api().get(contactsPath).body().size() == 2);
        JsonNode contacts = api().get(contactsPath).body();
        assertThat(contacts).extracting(c -> c.get("details").get("lastName").asText())
                .containsExactlyInAnyOrder("Martin", "Durand");
        assertThat(contacts.get(0).get("details").get("relationshipOrigin").asText()).isEqualTo("clients.csv");

        Response again = api().postFile("/api/v1/imports", "clients.csv", file.getBytes(StandardCharsets.UTF_8),
                "kind", "ACCOUNTS", "dryRun", "true");
        assertThat(again.body().get("alreadyImported").asInt()).isEqualTo(3);
        JsonNode second = completed(api().postFile("/api/v1/imports", "clients.csv",
                file.getBytes(StandardCharsets.UTF_8), "kind", "ACCOUNTS").body().get("id").asText());
        assertThat(second.get("alreadyImported").asInt()).isEqualTo(3);
        assertThat(second.get("created").asInt()).isZero();
        assertThat(api().get("/api/v1/accounts?q=" + tag).body().get("content")).hasSize(2);
    }

    /**
     * The list's page once the list holds {@code count} records: an import is counted as its commands are answered,
     * and its records reach the lists when their projections catch up.
     */
    private static JsonNode listed(HttpApi api, String path, long count) {
        AtomicReference<JsonNode> page = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            page.set(api.get(path).body());
            return page.get().get("totalElements").asLong() >= count;
        });
        assertThat(page.get().get("totalElements").asLong()).isEqualTo(count);
        return page.get().get("content");
    }

    private JsonNode completed(String id) {
        return completed(id, Duration.ofMinutes(1));
    }

    private JsonNode completed(String id, Duration patience) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(patience).until(() -> {
            last.set(api().get("/api/v1/imports/" + id).body());
            return !last.get().get("status").asText().equals("RUNNING");
        });
        assertThat(last.get().get("status").asText()).as(last.get().toString()).isEqualTo("COMPLETED");
        return last.get();
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.toString()).contains("\"" + field + "\"");
    }

    private static List<CSVRecord> csv(String text, char separator) throws IOException {
        return CSVFormat.RFC4180.builder().setDelimiter(separator).get().parse(new StringReader(text)).getRecords();
    }
}
