package io.relais.imports;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import io.relais.common.DomainException;
import io.relais.common.Refusal;
import io.relais.database.OperationalState;
import io.relais.messaging.ActingContext;
import io.relais.messaging.RefusingCommandBus;
import io.relais.organisation.OrganisationIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs an import in the background (a db-scheduler task, so that one node runs it and another takes it over if
 * that node dies): its rows are sent in batches, each batch's outcome counted in with its refusals in one
 * transaction. A node stopping stops the import between batches (or fails its batch, when the command bus stops
 * first) and it resumes where it was counted; rows sent but not yet counted are sent again and found made.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    /**
     * Runs of an import that may fail in a row (each retried five seconds later, from its last counted batch)
     * before it is recorded as failed: a node stopping, the database gone for a moment, are not the import's fault.
     */
    private static final int ATTEMPTS = 3;

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final ImportRefusals refusals;
    private final ImportSettingsStore settingsStore;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final ImportProperties properties;
    private final Clock clock;

    ImportRunner(ImportJobs jobs, ImportFiles files, ImportRefusals refusals, ImportSettingsStore settingsStore,
                 CommandGateway commands,
                 @Qualifier(OperationalState.TRANSACTIONS) TransactionTemplate operationalTransactions,
            ImportProperties properties,
                 Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.refusals = refusals;
        this.settingsStore = settingsStore;
        this.commands = commands;
        this.transactions = operationalTransactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stopped because the node stops; db-scheduler runs the import again, here or on another node. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("The node is stopping: the import resumes where it was counted");
        }
    }

    /** What became of one row. */
    private record Outcome(boolean created, boolean alreadyImported, RowRefusal refusal) {
    }

    void run(UUID id, ExecutionContext context) {
        ImportJob job = jobs.findById(id).orElse(null);
        if (job == null || job.status() != ImportStatus.RUNNING) {
            return;
        }
        ImportPlan plan = settingsStore.plan(job, files.findById(id).map(ImportFile::content).orElseThrow());
        int resumedFrom = job.nextRow();
        int sentBefore = job.sentUntil();
        job.resume(clock.instant(), Math.min(job.totalRows(), resumedFrom + properties.batchSize()));
        ImportJob[] current = {jobs.save(job)};
        ActingContext acting = new ActingContext(OrganisationIds.IMPORT, job.importedBy(), id.toString());
        ExecutorService senders = Executors.newFixedThreadPool(properties.senders());
        try {
            List<CsvTable.Row> batch = new ArrayList<>(properties.batchSize());
            plan.table().rows(resumedFrom, row -> {
                batch.add(row);
                if (batch.size() == properties.batchSize()) {
                    current[0] = send(current[0], batch, plan, acting, senders, resumedFrom, sentBefore, context);
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                current[0] = send(current[0], batch, plan, acting, senders, resumedFrom, sentBefore, context);
            }
            finish(current[0], null);
        } catch (RuntimeException failure) {
            if (context.getSchedulerState().isShuttingDown()
                    || context.getExecution().consecutiveFailures + 1 < ATTEMPTS) {
                log.warn("Import {} stopped after row {}; it resumes in a moment: {}", id, current[0].nextRow(),
                        failure.toString());
                throw failure;
            }
            log.error("Import {} failed {} times in a row at row {}", id, ATTEMPTS, current[0].nextRow() + 1, failure);
            finish(current[0], "The import stopped at row " + (current[0].nextRow() + 1) + ": " + failure);
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * Sends a batch: the rows of one record (an account and the contacts of its later rows) one after the other,
     * the records side by side on the senders; then counts the batch in, with its refused rows.
     */
    private ImportJob send(ImportJob job, List<CsvTable.Row> batch, ImportPlan plan, ActingContext acting,
                           ExecutorService senders, int resumedFrom, int sentBefore, ExecutionContext context) {
        if (context.getSchedulerState().isShuttingDown()) {
            throw new Interrupted();
        }
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, List<Map.Entry<CsvTable.Row, RowCommands>>> byRecord = new LinkedHashMap<>();
        for (CsvTable.Row row : batch) {
            try {
                RowCommands commands = plan.commands(row);
                byRecord.computeIfAbsent(commands.recordId(), id -> new ArrayList<>()).add(Map.entry(row, commands));
            } catch (DomainException unreadable) {
                outcomes.add(refused(RowRefusal.of(row, unreadable.refusal().field(), unreadable.refusal())));
            }
        }
        List<CompletableFuture<List<Outcome>>> sent = byRecord.values().stream().map(rows ->
                CompletableFuture.supplyAsync(() -> rows.stream().map(row -> outcome(row.getKey(), row.getValue(),
                        plan.reader(), acting, row.getKey().index() >= resumedFrom && row.getKey().index() < sentBefore))
                        .toList(), senders)).toList();
        for (CompletableFuture<List<Outcome>> future : sent) {
            try {
                outcomes.addAll(future.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        List<RowRefusal> refused = outcomes.stream().map(Outcome::refusal).filter(Objects::nonNull).toList();
        ImportCounts counts = new ImportCounts(batch.size(), (int) outcomes.stream().filter(Outcome::created).count(),
                refused.size(), (int) outcomes.stream().filter(Outcome::alreadyImported).count());
        int next = batch.get(batch.size() - 1).index() + 1;
        return transactions.execute(status -> {
            refusals.saveAll(refused.stream().map(refusal -> new ImportRefusal(job.id(), refusal)).toList());
            job.count(counts, next, Math.min(job.totalRows(), next + properties.batchSize()));
            return jobs.save(job);
        });
    }

    /**
     * Sends the row's commands in order. A record found made was made by an earlier import of the row, unless this
     * import may have sent the row before it stopped ({@code maybeSentBefore}); a row whose records were all made
     * before is already imported.
     */
    private Outcome outcome(CsvTable.Row row, RowCommands commands, RowReader reader, ActingContext acting,
                            boolean maybeSentBefore) {
        boolean made = false;
        for (Object command : commands.commands()) {
            try {
                acting.call(() -> this.commands.sendAndWait(command));
                made = true;
            } catch (Exception e) {
                Optional<Refusal> refusal = RefusingCommandBus.refusal(e);
                if (RefusingCommandBus.madeBefore(e) || refusal.filter(reader::madeBefore).isPresent()) {
                    continue;
                }
                if (refusal.isPresent()) {
                    return refused(RowRefusal.of(row, reader.fieldOf(command, refusal.get().field()), refusal.get()));
                }
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
        }
        boolean created = made || maybeSentBefore;
        return new Outcome(created, !created, null);
    }

    private static Outcome refused(RowRefusal refusal) {
        return new Outcome(false, false, refusal);
    }

    private void finish(ImportJob job, String failure) {
        ImportJob finished = transactions.execute(status -> {
            if (failure == null) {
                job.complete(clock.instant());
            } else {
                job.fail(failure, clock.instant());
            }
            return jobs.save(job);
        });
        try {
            new ActingContext(OrganisationIds.IMPORT, finished.importedBy(), finished.id().toString()).call(() ->
                    commands.sendAndWait(new FinishImport(finished.id().toString(), finished.counts(),
                            finished.failure())));
        } catch (Exception e) {
            log.warn("Import {} ended, but its end could not be recorded in its history", finished.id(), e);
        }
    }
}
