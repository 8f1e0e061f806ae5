package io.relais.activity;

import io.relais.account.ContactPersonalDataErased;
import io.relais.common.AuditMetadata;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Projects activities into the activity table, the reminders and overdue alerts into each assignee's
 * alerts, and the time of the last activity done about each deal (which tells stale deals). Every event moves the activity's row to its version; an event at or below it is skipped, and
 * alerts are keyed by event, so a replay without a reset changes nothing.
 */
@Component
@ProcessingGroup(ActivityProjection.PROCESSING_GROUP)
public class ActivityProjection {

    public static final String PROCESSING_GROUP = "activities";

    private final ActivityRepository repository;

    ActivityProjection(ActivityRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ActivityLogged event, DomainEventMessage<?> message) {
        repository.insert(event.activityId(), event.kind(), ActivityStatus.DONE, event.subject(), event.notes(),
                event.links(), event.ownerId(), event.occurredAt(), null, null, message);
        dealActivity().done(event.links().opportunityId(), event.occurredAt());
    }

    @EventHandler
    void on(ActivityScheduled event, DomainEventMessage<?> message) {
        repository.insert(event.activityId(), event.kind(), ActivityStatus.OPEN, event.subject(), event.notes(),
                event.links(), event.assigneeId(), null, event.dueAt(), event.remindAt(), message);
    }

    @EventHandler
    void on(ActivityCompleted event, DomainEventMessage<?> message) {
        repository.update(message, "status = 'DONE', completed_at = :at, "
                        + "outcome = case when personal_data_erased then null else :outcome end, overdue = :overdue",
                new MapSqlParameterSource("at", timestamp(event.completedAt())).addValue("outcome", event.outcome())
                        .addValue("overdue", event.overdue()));
        repository.opportunityOf(event.activityId())
                .ifPresent(opportunityId -> dealActivity().done(opportunityId, event.completedAt()));
    }

    @EventHandler
    void on(ActivityCancelled event, DomainEventMessage<?> message) {
        repository.update(message, "status = 'CANCELLED'", new MapSqlParameterSource());
    }

    @EventHandler
    void on(ActivityRescheduled event, DomainEventMessage<?> message) {
        repository.update(message, "due_at = :due, remind_at = :remind, overdue = false",
                new MapSqlParameterSource("due", timestamp(event.dueAt())).addValue("remind",
                        timestamp(event.remindAt())));
    }

    @EventHandler
    void on(ActivityReassigned event, DomainEventMessage<?> message) {
        repository.update(message, "owner_id = :owner", new MapSqlParameterSource("owner", event.assigneeId()));
        // the previous assignee may no longer see the activity: its alerts leave their feed
        repository.dropAlerts(event.activityId(), event.previousAssigneeId());
    }

    @EventHandler
    void on(ActivityReminderDue event, DomainEventMessage<?> message) {
        repository.update(message, "", new MapSqlParameterSource());
        repository.raise(message, ActivityAlert.AlertKind.REMINDER, event.activityId(), event.assigneeId(),
                event.dueAt());
    }

    @EventHandler
    void on(ActivityOverdue event, DomainEventMessage<?> message) {
        repository.update(message, "overdue = true", new MapSqlParameterSource());
        repository.raise(message, ActivityAlert.AlertKind.OVERDUE, event.activityId(), event.assigneeId(),
                event.dueAt());
    }

    @EventHandler
    void on(ActivityTransferred event, DomainEventMessage<?> message) {
        repository.update(message, "account_id = :account", new MapSqlParameterSource("account", event.accountId()));
    }

    @EventHandler
    void on(ContactPersonalDataErased event) {
        repository.eraseContact(event.contactId());
    }

    private DealActivityBatch dealActivity() {
        return ProjectionBatches.current(DealActivityBatch.class, messages -> new DealActivityBatch(),
                repository::write);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static String createdBy(DomainEventMessage<?> message) {
        Object user = message.getMetaData().get(AuditMetadata.USER_ID);
        return user == null ? null : user.toString();
    }
}
