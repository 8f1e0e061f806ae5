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

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs an import in the background (a db-scheduler task, so that one node runs it and another takes it over if
 * that node dies): its rows are sent in batches, each batch's outcome counted in with its refusals in one
 * transaction. A node stopping stops the import between batches and it resumes where it was counted; rows sent
 * but not yet counted are sent again and found made.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

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
        byte[] content = files.findById(id).map(ImportFile::content).orElseThrow();
        CsvTable table = CsvTable.of(content, Charset.forName(job.charset()), job.separator());
        ImportPlan plan = new ImportPlan(settingsStore.settings(job), table);
        int resumedFrom = job.nextRow();
        int sentBefore = job.sentUntil();
        job.resume(clock.instant(), Math.min(job.totalRows(), resumedFrom + properties.batchSize()));
        ImportJob[] current = {jobs.save(job)};
        ActingContext acting = new ActingContext(OrganisationIds.IMPORT, job.importedBy(), id.toString());
        ExecutorService senders = Executors.newFixedThreadPool(properties.senders());
        try {
            List<CsvTable.Row> batch = new ArrayList<>(properties.batchSize());
            table.rows(resumedFrom, row -> {
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
        } catch (Interrupted stopping) {
            throw stopping;
        } catch (RuntimeException failure) {
            if (context.getSchedulerState().isShuttingDown()) {
                throw new Interrupted();
            }
            log.error("Import {} failed", id, failure);
            finish(current[0], "The import stopped at row " + (current[0].nextRow() + 1) + ": " + failure);
        } finally {
            senders.shutdownNow();
        }
    }

    private ImportJob send(ImportJob job, List<CsvTable.Row> batch, ImportPlan plan, ActingContext acting,
                           ExecutorService senders, int resumedFrom, int sentBefore, ExecutionContext context) {
        if (context.getSchedulerState().isShuttingDown()) {
            throw new Interrupted();
        }
        List<CompletableFuture<Outcome>> sent = batch.stream().map(row -> CompletableFuture.supplyAsync(
                () -> outcome(row, plan, acting, row.index() >= resumedFrom && row.index() < sentBefore), senders))
                .toList();
        List<RowRefusal> refused = new ArrayList<>();
        int created = 0;
        int alreadyImported = 0;
        for (CompletableFuture<Outcome> future : sent) {
            Outcome outcome;
            try {
                outcome = future.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            created += outcome.created() ? 1 : 0;
            alreadyImported += outcome.alreadyImported() ? 1 : 0;
            if (outcome.refusal() != null) {
                refused.add(outcome.refusal());
            }
        }
        ImportCounts counts = new ImportCounts(batch.size(), created, refused.size(), alreadyImported);
        int next = batch.get(batch.size() - 1).index() + 1;
        return transactions.execute(status -> {
            refusals.saveAll(refused.stream().map(refusal -> new ImportRefusal(job.id(), refusal)).toList());
            job.count(counts, next, Math.min(job.totalRows(), next + properties.batchSize()));
            return jobs.save(job);
        });
    }

    /**
     * Sends the row's command. A record found made was made by an earlier import of the row, unless this import
     * may have sent the row before it stopped ({@code maybeSentBefore}).
     */
    private Outcome outcome(CsvTable.Row row, ImportPlan plan, ActingContext acting, boolean maybeSentBefore) {
        Object command;
        try {
            command = plan.command(row);
        } catch (DomainException refused) {
            return refused(row, refused.refusal());
        }
        try {
            acting.call(() -> commands.sendAndWait(command));
            return new Outcome(true, false, null);
        } catch (Exception e) {
            if (RefusingCommandBus.madeBefore(e)) {
                return new Outcome(maybeSentBefore, !maybeSentBefore, null);
            }
            Optional<Refusal> refusal = RefusingCommandBus.refusal(e);
            if (refusal.isPresent()) {
                return refused(row, refusal.get());
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static Outcome refused(CsvTable.Row row, Refusal refusal) {
        String field = refusal.field() == null ? "row" : LeadRows.fieldOf(refusal.field());
        return new Outcome(false, false, new RowRefusal(row.index(), row.line(), field, refusal.message()));
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
