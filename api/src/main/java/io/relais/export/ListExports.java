package io.relais.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.web.Queries;
import io.relais.web.RecordEndpoints;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A list leaving the CRM as a file (docs/exports.md): every row its filters select with the caller's visibility,
 * read from one snapshot of the read model as the client takes them (never the whole list in memory), as CSV or
 * JSON Lines. The export is recorded ({@code ListExported}: who, which list, which filters) before its first row
 * leaves; a refusal or a wrong filter is answered as a problem before anything is sent.
 */
@Component
public class ListExports {

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";
    /** What every export answers, for its description. */
    public static final String DESCRIPTION = "every row the caller may see, streamed from one snapshot. format CSV "
            + "(default: UTF-8 with a byte order mark, separated by semicolons, or commas with separator=COMMA; a "
            + "header line of the fields' names, a nested field named by its path such as details.email, a list as "
            + "its JSON, a text that a spreadsheet would take for a formula prefixed with ') or NDJSON (one row per "
            + "line, as the list's page shows it). The export is recorded in the audit (ListExported: who, which "
            + "list, which filters) before its first row is sent.";

    private static final Logger log = LoggerFactory.getLogger(ListExports.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Queries queries;
    private final RecordEndpoints endpoints;
    private final ObjectMapper json;
    private final Clock clock;

    public ListExports(Queries queries, RecordEndpoints endpoints, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.endpoints = endpoints;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The export of list {@code list} (as its path names it) that {@code query}, the list's own query, selects;
     * its rows are of {@code rowType}, as the list's page holds them.
     */
    public <T> ResponseEntity<StreamingResponseBody> export(String list, ExportParameters parameters,
                                                            HttpServletRequest request, Object query,
                                                            Class<T> rowType) {
        ExportFormat format = parameters.formatOrDefault();
        endpoints.sendCreation(new RecordListExport(UUID.randomUUID().toString(), list, format.name(),
                request.getQueryString()));
        Stream<T> rows = queries.stream(query, rowType);
        Iterator<T> iterator = rows.iterator();
        try {
            // the first fetch here, so that a query the read side refuses is answered as a problem, not a cut file
            iterator.hasNext();
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        String file = list + "-" + FILE_TIME.format(clock.instant()) + "." + format.extension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .body(out -> {
                    try (rows) {
                        if (format == ExportFormat.CSV) {
                            writeCsv(iterator, rowType, parameters.separatorOrDefault(), out);
                        } else {
                            writeJsonLines(iterator, out);
                        }
                    } catch (IOException | RuntimeException e) {
                        // the answer has begun: the client sees a file cut short, the log says why
                        log.warn("The export of {} stopped before its end: {}", list, e.toString());
                        throw e;
                    }
                });
    }

    private <T> void writeCsv(Iterator<T> rows, Class<T> rowType, ExportParameters.Separator separator,
                              OutputStream out) throws IOException {
        CsvColumns columns = CsvColumns.of(json, rowType);
        CSVPrinter csv = SpreadsheetCsv.printer(out, separator);
        csv.printRecord(columns.names());
        while (rows.hasNext()) {
            csv.printRecord(columns.values(json.valueToTree(rows.next())));
        }
        csv.flush();
    }

    private <T> void writeJsonLines(Iterator<T> rows, OutputStream out) throws IOException {
        while (rows.hasNext()) {
            out.write(json.writeValueAsBytes(rows.next()));
            out.write('\n');
        }
        out.flush();
    }
}
