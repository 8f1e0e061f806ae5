package io.relais.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.sample.SampleCompanies;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.relais.bench.BenchSupport.ACTOR;
import static io.relais.bench.BenchSupport.ACTOR_PASSWORD;
import static io.relais.bench.BenchSupport.format;
import static io.relais.bench.BenchSupport.ratio;

/**
 * A partner's file of leads imported over HTTP as a data steward would import it: a French spreadsheet's CSV
 * (Windows-1252, semicolons) of sample people at sample companies, some of them twice as the same person at
 * another row (as files from two sources merged hold them), imported until its last row is counted, then until
 * every projection has caught up, the duplicate pairs among them found.
 */
final class ImportBenchmark {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final SampleCompanies SAMPLES = new SampleCompanies(17);
    /** One row in this many is a person already in the file, their name shouted and their e-mail varied. */
    private static final int ONE_IN = 20;

    private final ApplicationContext context;
    private final BenchmarkOptions options;
    private final PrintStream out;
    private final Map<String, String> summary;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    ImportBenchmark(ApplicationContext context, BenchmarkOptions options, PrintStream out, Map<String, String> summary) {
        this.context = context;
        this.options = options;
        this.out = out;
        this.summary = summary;
        this.base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    void importFile(double rawInsertsPerSecond) throws Exception {
        int rows = options.importRows();
        String tag = "Import" + UUID.randomUUID().toString().substring(0, 6);
        byte[] file = file(rows, tag);
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        long pairsBefore = pairs(jdbc);
        long start = System.nanoTime();
        JsonNode started = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports")), file, 202);
        double acceptedSeconds = (System.nanoTime() - start) / 1e9;
        String id = started.get("id").asText();
        JsonNode status = started;
        while (status.get("status").asText().equals("RUNNING")) {
            Thread.sleep(200);
            status = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id)).GET(), null, 200);
        }
        double importedSeconds = (System.nanoTime() - start) / 1e9;
        if (!status.get("status").asText().equals("COMPLETED") || status.get("created").asInt() != rows) {
            throw new IllegalStateException("The import did not create every row: " + status);
        }
        for (StreamingEventProcessor processor : BenchSupport.streamingProcessors(context)) {
            BenchSupport.awaitCaughtUp(context, processor);
        }
        double caughtUpSeconds = (System.nanoTime() - start) / 1e9;
        long pairs = pairs(jdbc) - pairsBefore;
        double rowsPerSecond = rows / importedSeconds;
        out.printf("import of a %d-row CSV (%.1f MB, Windows-1252, ;) over HTTP: answered 202 in %.2f s, every row "
                        + "counted in %.1f s (%s rows/s, %s of raw inserts), every projection caught up in %.1f s, "
                        + "%d duplicate pairs found%n", rows, file.length / 1e6, acceptedSeconds, importedSeconds,
                format(rowsPerSecond), ratio(rowsPerSecond, rawInsertsPerSecond), caughtUpSeconds, pairs);
        summary.put("import_rows", String.valueOf(rows));
        summary.put("import_rows_per_s", format(rowsPerSecond));
        summary.put("import_ratio", ratio(rowsPerSecond, rawInsertsPerSecond));
        summary.put("import_s", String.format("%.1f", importedSeconds));
        summary.put("import_caught_up_s", String.format("%.1f", caughtUpSeconds));
        summary.put("import_duplicate_pairs", String.valueOf(pairs));
    }

    /** Sample people at sample companies, one row in {@value #ONE_IN} an earlier row's person again. */
    private static byte[] file(int rows, String tag) {
        StringBuilder csv = new StringBuilder("Raison sociale;Prénom;Nom;E-mail;Téléphone;Code postal;Ville;Pays\r\n");
        for (int n = 0; n < rows; n++) {
            boolean again = n % ONE_IN == ONE_IN - 1;
            int sample = again ? n - ONE_IN / 2 : n;
            SampleCompanies.Company company = SAMPLES.company(sample);
            SampleCompanies.Person person = SAMPLES.person(company, sample);
            String last = again ? SampleCompanies.shouted(person.lastName()) : person.lastName();
            String email = again ? SampleCompanies.emailVariant(person.email()) : person.email();
            csv.append(company.legalName()).append(' ').append(tag).append(';').append(person.firstName()).append(';')
                    .append(last).append(';').append(email).append(';').append(person.phone()).append(';')
                    .append(company.postalCode()).append(';').append(company.city()).append(";France\r\n");
        }
        return csv.toString().getBytes(WINDOWS_1252);
    }

    private static long pairs(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from duplicate_pair where kind = 'LEAD'", Long.class);
    }

    /** Sends the request (a multipart form of {@code file} and kind LEADS when given); answers its JSON. */
    private JsonNode send(HttpRequest.Builder request, byte[] file, int expected) throws Exception {
        request.header("Authorization", BenchSupport.basic(ACTOR, ACTOR_PASSWORD));
        if (file != null) {
            String boundary = "----relais-bench-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"partenaire.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(WINDOWS_1252));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nLEADS\r\n--"
                    + boundary + "--\r\n").getBytes(WINDOWS_1252));
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode()
                    + " instead of " + expected + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
