package io.relais.imports;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.relais.common.DomainException;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.common.RecordNotFoundException;
import io.relais.database.OperationalState;
import io.relais.export.ExportParameters;
import io.relais.export.SpreadsheetCsv;
import io.relais.organisation.Authorization;
import io.relais.web.NotFoundException;
import io.relais.web.RecordEndpoints;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports of files: checked and started for the caller, read back with their progress and refused rows. What the
 * rows become goes through the same commands as the API's (sent by {@link ImportRunner}); who may import is the
 * command side's rule ({@link Authorization#requireImporter}).
 */
@Component
public class Imports {

    /** The columns an import's list of errors adds before the file's own; the file's own headers are left alone. */
    static final String LINE = "Ligne";
    static final String COLUMN = "Colonne";
    static final String PROBLEM = "Problème";

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final ImportRefusals refusals;
    private final ImportSettingsStore settingsStore;
    private final RecordEndpoints endpoints;
    private final Authorization authorization;
    private final EventStore eventStore;
    private final Scheduler scheduler;
    private final OneTimeTask<Void> importTask;
    private final TransactionTemplate transactions;
    private final ImportProperties properties;
    private final ImportFilesRetention retention;
    private final Clock clock;

    Imports(ImportJobs jobs, ImportFiles files, ImportRefusals refusals, ImportSettingsStore settingsStore,
            RecordEndpoints endpoints, Authorization authorization, EventStore eventStore, Scheduler scheduler,
            OneTimeTask<Void> importTask,
            @Qualifier(OperationalState.TRANSACTIONS) TransactionTemplate operationalTransactions,
            ImportProperties properties, ImportFilesRetention retention, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.refusals = refusals;
        this.settingsStore = settingsStore;
        this.endpoints = endpoints;
        this.authorization = authorization;
        this.eventStore = eventStore;
        this.scheduler = scheduler;
        this.importTask = importTask;
        this.transactions = operationalTransactions;
        this.properties = properties;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Starts importing {@code content} for {@code userId}: recorded in the history (where the rule of who may import
     * is checked), kept, and run in the background. Answers the import as it starts.
     */
    public ImportView start(String fileName, byte[] content, ImportRequest request, String userId) {
        CsvTable table = table(content, request);
        ImportSettings asked = settings(fileName, content, table, request, request.ownerId());
        UUID id = UUID.randomUUID();
        endpoints.sendCreation(new StartImport(id.toString(), asked.kind(), asked.fileName(), asked.fileSha256(),
                asked.rows(), asked.source(), asked.ownerId()));
        // the owner the command recorded, by the same rule
        ImportSettings settings = asked.withOwner(authorization.requireImporter(userId, request.ownerId()));
        ImportJob job = transactions.execute(status -> {
            ImportJob saved = jobs.saveAndFlush(settingsStore.newJob(id, settings, userId, clock.instant()));
            files.save(new ImportFile(id, content));
            return saved;
        });
        scheduler.schedule(importTask.instance(id.toString()), clock.instant());
        scheduler.triggerCheckForDueExecutions();
        return view(job, null);
    }

    /** What importing {@code content} would do, checked row by row without writing anything. */
    public ImportView check(String fileName, byte[] content, ImportRequest request, String userId) {
        CsvTable table = table(content, request);
        String owner = authorization.requireImporter(userId, request.ownerId());
        ImportSettings settings = settings(fileName, content, table, request, owner);
        ImportPlan plan = new ImportPlan(settings, table);
        List<RowRefusal> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] counts = new int[3];
        RowReader reader = plan.reader();
        table.rows(0, row -> {
            RowRefusal refusal = null;
            boolean made = true;
            try {
                for (Object command : plan.commands(row).commands()) {
                    try {
                        reader.check(command, owner, clock);
                    } catch (DomainException e) {
                        refusal = RowRefusal.of(row, reader.fieldOf(command, e.refusal().field()), e.refusal());
                        break;
                    }
                    made &= !seen.add(reader.madeId(command)) || reader.inStore(command, eventStore);
                }
            } catch (DomainException unreadable) {
                refusal = RowRefusal.of(row, unreadable.refusal().field(), unreadable.refusal());
            }
            if (refusal == null) {
                counts[made ? 1 : 0]++;
            } else {
                counts[2]++;
                if (refused.size() < properties.dryRunShown()) {
                    refused.add(refusal);
                }
            }
        });
        return new ImportView(null, settings.kind(), ImportStatus.CHECKED, settings.fileName(),
                settings.charset().name(), String.valueOf(settings.separator()), mapped(settings.mapping()),
                unmapped(settings.mapping()), settings.keyColumn(), settings.source(), settings.ownerId(), userId, settings.rows(),
                settings.rows(), counts[0], counts[2], counts[1], 100, null, null, null, null, null, refused);
    }

    /** The imports the caller may read (theirs; every one for the profiles that see everything), newest first. */
    public ImportPage list(String userId, PageRequest page) {
        Pageable pageable = Pageable.ofSize(page.size()).withPage(page.page());
        var jobs = authorization.readsEveryImport(userId) ? this.jobs.findAllByOrderByCreatedAtDesc(pageable)
                : this.jobs.findByImportedByOrderByCreatedAtDesc(userId, pageable);
        Instant now = clock.instant();
        return new ImportPage(jobs.stream().map(job -> view(job, now)).toList(), page.page(), page.size(),
                jobs.getTotalElements());
    }

    /** The import, for who imported it and the profiles that see everything; refused as not found for others. */
    public ImportView view(String id, String userId) {
        return view(visibleJob(id, userId), clock.instant());
    }

    /**
     * The import's refused rows as CSV, as the file had them (its columns, its separator) after their line, column
     * and problem: fixed, the rows can be imported again as they are. The import is checked visible at once.
     */
    public StreamingResponseBody refusals(String id, String userId) {
        ImportJob job = visibleJob(id, userId);
        if (job.filesDeletedAt() != null) {
            throw NotFoundException.deleted("The list of errors of import " + id, job.filesDeletedAt());
        }
        return out -> writeRefusals(job, out);
    }

    private void writeRefusals(ImportJob job, OutputStream out) throws IOException {
        ImportPlan plan = settingsStore.plan(job, files.findById(job.id()).map(ImportFile::content).orElseThrow());
        CsvTable table = plan.table();
        Map<Integer, RowRefusal> refusedRows = new HashMap<>();
        refusals.findByIdJobIdOrderByIdRowIndex(job.id()).forEach(r -> refusedRows.put(r.refusal().rowIndex(),
                r.refusal()));
        ColumnMapping mapping = plan.mapping();
        CSVPrinter csv = SpreadsheetCsv.printer(out, job.separator() == ',' ? ExportParameters.Separator.COMMA
                : ExportParameters.Separator.SEMICOLON);
        List<String> header = new ArrayList<>(List.of(LINE, COLUMN, PROBLEM));
        header.addAll(table.header());
        csv.printRecord(header);
        List<List<String>> lines = new ArrayList<>();
        table.rows(0, row -> {
            RowRefusal refusal = refusedRows.get(row.index());
            if (refusal != null) {
                List<String> line = new ArrayList<>(List.of(String.valueOf(refusal.line()),
                        mapping.columnOf(refusal.field()), SpreadsheetCsv.guarded(refusal.problem())));
                row.values().forEach(value -> line.add(SpreadsheetCsv.guarded(value)));
                lines.add(line);
            }
        });
        csv.printRecords(lines);
        csv.flush();
    }

    private ImportJob visibleJob(String id, String userId) {
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new RecordNotFoundException(id);
        }
        ImportJob job = jobs.findById(jobId).orElseThrow(() -> new RecordNotFoundException(id));
        authorization.requireImportReader(userId, job.importedBy(), id);
        return job;
    }

    private static CsvTable table(byte[] content, ImportRequest request) {
        return CsvTable.of(content, request.encoding() == null ? null : request.encoding().charset(),
                request.separator() == null ? null : request.separator().character());
    }

    private ImportSettings settings(String fileName, byte[] content, CsvTable table, ImportRequest request,
                                    String ownerId) {
        ImportKind kind = Fields.present("kind", request.kind());
        // a browser may send the file's path on the client; its name is what follows the last separator
        String baseName = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1);
        String name = Fields.required("fileName", baseName.isBlank() ? "import.csv" : baseName, 255);
        if (request.keyColumn() != null && !table.header().contains(request.keyColumn())) {
            throw new InvalidFieldException("keyColumn", "unknown-column", "The file has no column named "
                    + request.keyColumn());
        }
        ColumnMapping mapping = ColumnMapping.of(table.header(), settingsStore.requested(request.mapping()),
                RowReader.of(kind).usualHeaders());
        int rows = table.count();
        if (rows == 0) {
            throw new InvalidFieldException("file", "no-rows", "The file has a header line but no rows to import");
        }
        if (rows > ImportCounts.MAX_ROWS) {
            throw new InvalidFieldException("file", "too-many-rows", "A file holds at most " + ImportCounts.MAX_ROWS
                    + " rows");
        }
        return new ImportSettings(kind, name, sha256(content), table.charset(), table.separator(),
                mapping.byColumn(), request.keyColumn(), Fields.text("source", request.source(), 200), ownerId, rows);
    }

    private ImportView view(ImportJob job, Instant now) {
        Map<String, String> mapping = settingsStore.mapping(job.mapping());
        ImportCounts counts = job.counts();
        int percent = job.totalRows() == 0 ? 100 : (int) (100L * counts.read() / job.totalRows());
        Long secondsLeft = null;
        if (now != null && job.status() == ImportStatus.RUNNING && job.startedAt() != null && counts.read() > 0) {
            Duration spent = Duration.between(job.startedAt(), now);
            secondsLeft = spent.toMillis() * (job.totalRows() - counts.read()) / counts.read() / 1000;
        }
        return new ImportView(job.id().toString(), job.kind(), job.status(), job.fileName(), job.charset(),
                String.valueOf(job.separator()), mapped(mapping), unmapped(mapping), job.keyColumn(), job.source(),
                job.ownerId(), job.importedBy(), job.totalRows(), counts.read(), counts.created(), counts.refused(),
                counts.alreadyImported(), percent, secondsLeft, job.startedAt(), job.finishedAt(), job.failure(),
                job.finishedAt() == null ? null : retention.keptUntil(job.finishedAt()), null);
    }

    private static Map<String, String> mapped(Map<String, String> mapping) {
        Map<String, String> mapped = new LinkedHashMap<>();
        mapping.forEach((column, field) -> {
            if (field != null) {
                mapped.put(column, field);
            }
        });
        return mapped;
    }

    private static List<String> unmapped(Map<String, String> mapping) {
        return mapping.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
