package io.relais.activity;

import io.relais.alert.AlertKind;
import io.relais.account.ContactPersonalDataErased;
import io.relais.common.AuditMetadata;
import io.relais.projection.PastStates;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Projects activities into the activity table, the reminders and overdue alerts into each assignee's
 * alerts, and the time of the last activity done about each deal (which tells stale deals), a batch of events at a
 * time ({@link ActivityBatch}). Every event moves the activity's row to its version; an event at or below it is
 * skipped, and alerts are keyed by event, so a replay without a reset changes nothing.
 */
@Component
@ProcessingGroup(ActivityProjection.PROCESSING_GROUP)
public class ActivityProjection {

    public static final String PROCESSING_GROUP = "activities";

    private final ActivityRepository repository;
    private final PastStates pastStates;

    ActivityProjection(ActivityRepository repository, PastStates pastStates) {
        this.repository = repository;
        this.pastStates = pastStates;
    }

    @EventHandler
    void on(ActivityLogged event, DomainEventMessage<?> message) {
        ActivityRow row = created(event.activityId(), event.kind(), ActivityStatus.DONE, event.subject(),
                event.notes(), event.links(), event.ownerId(), message);
        row.occurredAt = event.occurredAt();
        ActivityBatch batch = batch();
        batch.activities.add(row);
        batch.done(event.links().opportunityId(), event.occurredAt());
    }

    @EventHandler
    void on(ActivityScheduled event, DomainEventMessage<?> message) {
        ActivityRow row = created(event.activityId(), event.kind(), ActivityStatus.OPEN, event.subject(),
                event.notes(), event.links(), event.assigneeId(), message);
        row.dueAt = event.dueAt();
        row.remindAt = event.remindAt();
        batch().activities.add(row);
    }

    @EventHandler
    void on(ActivityCompleted event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.status = ActivityStatus.DONE;
            row.completedAt = event.completedAt();
            row.outcome = event.outcome();
            row.overdue = event.overdue();
        });
        ActivityBatch batch = batch();
        batch.activities.find(event.activityId())
                .ifPresent(row -> batch.done(row.opportunityId, event.completedAt()));
    }

    @EventHandler
    void on(ActivityCancelled event, DomainEventMessage<?> message) {
        update(message, row -> row.status = ActivityStatus.CANCELLED);
    }

    @EventHandler
    void on(ActivityRescheduled event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.dueAt = event.dueAt();
            row.remindAt = event.remindAt();
            row.overdue = false;
        });
    }

    @EventHandler
    void on(ActivityReassigned event, DomainEventMessage<?> message) {
        update(message, row -> row.ownerId = event.assigneeId());
        // the previous assignee may no longer see the activity: its alerts leave their feed
        batch().alerts.add(new ActivityBatch.Dropped(event.activityId(), event.previousAssigneeId()));
    }

    @EventHandler
    void on(ActivityReminderDue event, DomainEventMessage<?> message) {
        update(message, row -> {
        });
        raise(message, AlertKind.REMINDER, event.activityId(), event.assigneeId(), event.dueAt());
    }

    @EventHandler
    void on(ActivityOverdue event, DomainEventMessage<?> message) {
        update(message, row -> row.overdue = true);
        raise(message, AlertKind.OVERDUE, event.activityId(), event.assigneeId(), event.dueAt());
    }

    @EventHandler
    void on(ActivityTransferred event, DomainEventMessage<?> message) {
        update(message, row -> row.accountId = event.accountId());
    }

    /** Activities about the contact keep nothing of them: those of this batch here, the others when it is written. */
    @EventHandler
    void on(ContactPersonalDataErased event) {
        ActivityBatch batch = batch();
        batch.erasedContacts.add(event.contactId());
        batch.activities.changed().stream().filter(row -> event.contactId().equals(row.contactId))
                .forEach(ActivityRow::erase);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The activity as it stood then: its events up to then, applied by these handlers to a row in memory. */
    @QueryHandler
    Optional<ActivityView> find(FindActivityAsOf query) {
        return pastStates.replay(query.activityId(), query.asOf(), this, ActivityBatch.inMemory())
                .flatMap(batch -> batch.activities.find(query.activityId())).map(ActivityRow::toView);
    }

    private static ActivityRow created(String id, ActivityKind kind, ActivityStatus status, String subject,
                                       String notes, ActivityLinks links, String ownerId,
                                       DomainEventMessage<?> message) {
        ActivityRow row = new ActivityRow(id, message.getSequenceNumber(), message.getTimestamp());
        row.kind = kind;
        row.status = status;
        row.subject = subject;
        row.notes = notes;
        row.accountId = links.accountId();
        row.contactId = links.contactId();
        row.opportunityId = links.opportunityId();
        row.ownerId = ownerId;
        row.createdAt = message.getTimestamp();
        Object user = message.getMetaData().get(AuditMetadata.USER_ID);
        row.createdBy = user == null ? null : user.toString();
        return row;
    }

    private void raise(DomainEventMessage<?> message, AlertKind kind, String activityId, String userId,
                       Instant dueAt) {
        batch().alerts.add(new ActivityBatch.Raised(message.getIdentifier(), userId, kind, activityId, dueAt,
                message.getTimestamp()));
    }

    private void update(DomainEventMessage<?> message, Consumer<ActivityRow> change) {
        batch().activities.update(message, change);
    }

    private ActivityBatch batch() {
        return ProjectionBatches.current(ActivityBatch.class, events -> new ActivityBatch(repository::findAll, events),
                repository::write);
    }
}
