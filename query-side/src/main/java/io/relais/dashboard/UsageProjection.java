package io.relais.dashboard;

import io.relais.account.ContactAdded;
import io.relais.common.AuditMetadata;
import io.relais.organisation.OrganisationIds;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * Counts, per user and week, the sales records they created and changed and the activities they logged or
 * scheduled. What the system does on its own (processes, reminders) is nobody's usage.
 */
@Component
@ProcessingGroup(UsageProjection.PROCESSING_GROUP)
public class UsageProjection {

    public static final String PROCESSING_GROUP = "usage";

    private static final String ACTIVITY = "Activity";
    private static final Set<String> SALES_RECORDS = Set.of("Lead", "Account", "Opportunity", ACTIVITY);

    private final UsageRepository repository;

    UsageProjection(UsageRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        Object userId = message.getMetaData().get(AuditMetadata.USER_ID);
        if (!SALES_RECORDS.contains(message.getType()) || !(userId instanceof String user)
                || OrganisationIds.isSystem(user)) {
            return;
        }
        LocalDate week = message.getTimestamp().atOffset(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        boolean first = message.getSequenceNumber() == 0;
        boolean activity = ACTIVITY.equals(message.getType()) && first;
        boolean created = !activity && (first || event instanceof ContactAdded);
        ProjectionBatches.current(UsageBatch.class, messages -> new UsageBatch(), repository::write)
                .count(user, week, created, !activity && !created, activity);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
