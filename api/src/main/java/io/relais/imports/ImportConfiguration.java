package io.relais.imports;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.UUID;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /**
     * An import runs as a db-scheduler task named by its job's id: one node runs it, and if that node dies another
     * takes it over once db-scheduler finds it dead. One stopped because its node stops runs again a moment later
     * (here after a restart, or on another node), from where it was counted.
     */
    @Bean
    OneTimeTask<Void> importTask(ImportRunner runner) {
        return Tasks.oneTime("import")
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> runner.run(UUID.fromString(instance.getId()), context));
    }

    /** Hourly, on one node at a time. */
    @Bean
    RecurringTask<Void> importFilesRetentionTask(ImportFilesRetention retention) {
        return Tasks.recurring("import-files-retention", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> retention.deleteDue());
    }
}
