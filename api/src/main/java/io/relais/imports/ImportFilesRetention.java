package io.relais.imports;

import io.relais.database.OperationalState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes the files and refused rows of imports ended {@code relais.imports.keep-files} ago: personal data kept
 * for the list of errors, not for ever. The import's job stays, with its counts; its list of errors is gone.
 */
@Component
class ImportFilesRetention {

    private static final Logger log = LoggerFactory.getLogger(ImportFilesRetention.class);

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final ImportRefusals refusals;
    private final TransactionTemplate transactions;
    private final ImportProperties properties;
    private final Clock clock;

    ImportFilesRetention(ImportJobs jobs, ImportFiles files, ImportRefusals refusals,
                         @Qualifier(OperationalState.TRANSACTIONS) TransactionTemplate operationalTransactions,
                         ImportProperties properties, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.refusals = refusals;
        this.transactions = operationalTransactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes what is due; answers how many imports' files were deleted. */
    int deleteDue() {
        return deleteEndedBefore(clock.instant().atOffset(ZoneOffset.UTC).minus(properties.keepFiles()).toInstant());
    }

    /** Until when the file of an import ended at {@code finishedAt} is kept. */
    Instant keptUntil(Instant finishedAt) {
        return finishedAt.atOffset(ZoneOffset.UTC).plus(properties.keepFiles()).toInstant();
    }

    /** Deletes the files and refused rows of the imports ended before {@code endedBefore}. */
    int deleteEndedBefore(Instant endedBefore) {
        Instant now = clock.instant();
        int deleted = 0;
        List<ImportJob> due;
        do {
            due = jobs.findTop100ByFinishedAtBeforeAndFilesDeletedAtIsNull(endedBefore);
            for (ImportJob job : due) {
                transactions.executeWithoutResult(status -> {
                    files.deleteById(job.id());
                    refusals.deleteByJob(job.id());
                    job.filesDeleted(now);
                    jobs.save(job);
                });
            }
            deleted += due.size();
        } while (!due.isEmpty());
        if (deleted > 0) {
            log.info("Deleted the files and refused rows of {} imports ended before {}", deleted, endedBefore);
        }
        return deleted;
    }
}
