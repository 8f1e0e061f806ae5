package io.relais.activity;

import io.relais.common.AuditMetadata;
import io.relais.common.ExpectedVersion;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.organisation.Authorization;
import io.relais.organisation.OrganisationIds;
import io.relais.organisation.Profile;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A call, e-mail, note, meeting or task about an account, a contact or a deal. Calls, e-mails and notes are
 * logged as done; tasks and meetings are scheduled, with a due time, an assignee and an optional reminder.
 * Reminders and overdue alerts are deadlines kept by the persisted deadline manager, so they survive restarts;
 * when one comes due on a still open activity, the activity records it (and the assignee's alerts show it),
 * as the system on behalf of the assignee. Visibility and rights follow the owner: the assignee, or who
 * logged it.
 */
@Aggregate
public class Activity {

    static final String REMINDER = "activity-reminder";
    static final String OVERDUE = "activity-overdue";
    private static final String COMPONENT = OrganisationIds.SYSTEM_PREFIX + "reminders";

    @AggregateIdentifier
    private String activityId;
    private ActivityKind kind;
    private ActivityStatus status;
    private String ownerId;
    private String accountId;
    private Instant dueAt;
    private Instant remindAt;
    private String correlationId;

    protected Activity() {
    }

    @CommandHandler
    public Activity(LogActivity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                    Authorization authorization, Clock clock) {
        Profile profile = authorization.requireCreate(actorId);
        Fields.exactIdentifier("activityId", command.activityId());
        if (command.kind() == null || command.kind() == ActivityKind.TASK) {
            throw new InvalidFieldException("kind", command.kind() == null ? "required" : "invalid-value",
                    "kind must be CALL, EMAIL, NOTE or MEETING for an activity that happened; schedule tasks");
        }
        Instant occurredAt = command.occurredAt() == null ? clock.instant()
                : Fields.instant("occurredAt", command.occurredAt());
        if (occurredAt.isAfter(clock.instant())) {
            throw new InvalidFieldException("occurredAt", "date-in-future", "occurredAt cannot be in the future");
        }
        apply(new ActivityLogged(command.activityId(), command.kind(), Fields.required("subject", command.subject(),
                200), Fields.text("notes", command.notes(), 4000), links(command.links()), occurredAt,
                profile == null ? null : actorId));
    }

    @CommandHandler
    public Activity(ScheduleActivity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                    Authorization authorization, DeadlineManager deadlines) {
        String assignee = Fields.optionalUserId("assigneeId", command.assigneeId());
        if (assignee == null) {
            authorization.requireCreate(actorId);
            assignee = Fields.userId("assigneeId", actorId);
        } else {
            authorization.requireNewOwner(actorId, assignee, "assigneeId");
        }
        Fields.exactIdentifier("activityId", command.activityId());
        if (command.kind() == null || !command.kind().scheduled()) {
            throw new InvalidFieldException("kind", command.kind() == null ? "required" : "invalid-value",
                    "kind must be TASK or MEETING for a scheduled activity; log the others");
        }
        requireTimes(command.dueAt(), command.remindAt());
        apply(new ActivityScheduled(command.activityId(), command.kind(), Fields.required("subject", command.subject(),
                200), Fields.text("notes", command.notes(), 4000), links(command.links()), command.dueAt(), assignee,
                command.remindAt()));
        // the aggregate's fields are not set yet while its constructor applies the first event
        scheduleDeadlines(deadlines, command.dueAt(), command.remindAt(), assignee,
                (String) CurrentUnitOfWork.get().getMessage().getMetaData().get(AuditMetadata.CORRELATION_ID));
    }

    @CommandHandler
    public long handle(CompleteActivity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, DeadlineManager deadlines, Clock clock) {
        authorization.requireChange(actorId, ownerId, activityId);
        ExpectedVersion.require(command.expectedVersion());
        requireOpen("complete an activity");
        Instant now = clock.instant();
        apply(new ActivityCompleted(activityId, Fields.text("outcome", command.outcome(), 2000), now,
                now.isAfter(dueAt)));
        cancelDeadlines(deadlines);
        return getVersion();
    }

    @CommandHandler
    public long handle(CancelActivity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, DeadlineManager deadlines) {
        authorization.requireChange(actorId, ownerId, activityId);
        ExpectedVersion.require(command.expectedVersion());
        requireOpen("cancel an activity");
        apply(new ActivityCancelled(activityId));
        cancelDeadlines(deadlines);
        return getVersion();
    }

    @CommandHandler
    public long handle(RescheduleActivity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, DeadlineManager deadlines) {
        authorization.requireChange(actorId, ownerId, activityId);
        ExpectedVersion.require(command.expectedVersion());
        requireTimes(command.dueAt(), command.remindAt());
        requireOpen("reschedule an activity");
        apply(new ActivityRescheduled(activityId, dueAt, command.dueAt(), command.remindAt()));
        cancelDeadlines(deadlines);
        scheduleDeadlines(deadlines, dueAt, remindAt, ownerId, correlationId);
        return getVersion();
    }

    @CommandHandler
    public long handle(ReassignActivity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, DeadlineManager deadlines) {
        authorization.requireChange(actorId, ownerId, activityId);
        ExpectedVersion.require(command.expectedVersion());
        String assignee = Fields.userId("assigneeId", command.assigneeId());
        requireOpen("reassign an activity");
        if (!assignee.equals(ownerId)) {
            authorization.requireNewOwner(actorId, assignee, "assigneeId");
            apply(new ActivityReassigned(activityId, assignee, ownerId));
            // what comes due is now on behalf of the new assignee
            cancelDeadlines(deadlines);
            scheduleDeadlines(deadlines, dueAt, remindAt, ownerId, correlationId);
        }
        return getVersion();
    }

    /** Following the account's merge again changes nothing. */
    @CommandHandler
    public long handle(TransferActivity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireSystem(actorId);
        if (!command.accountId().equals(accountId)) {
            apply(new ActivityTransferred(activityId, command.accountId(), accountId));
        }
        return getVersion();
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void remind(DeadlineMessage<?> deadline) {
        if (status == ActivityStatus.OPEN) {
            apply(new ActivityReminderDue(activityId, ownerId, dueAt), audit(deadline));
        }
    }

    @DeadlineHandler(deadlineName = OVERDUE)
    void overdue(DeadlineMessage<?> deadline) {
        if (status == ActivityStatus.OPEN) {
            apply(new ActivityOverdue(activityId, ownerId, dueAt), audit(deadline));
        }
    }

    /**
     * Who, when and why, for what a deadline records: the deadline manager runs handlers without the
     * correlation providers that stamp other messages, so the metadata given when scheduling is copied here.
     */
    private static MetaData audit(DeadlineMessage<?> deadline) {
        return deadline.getMetaData().and(AuditMetadata.CAUSATION_ID, deadline.getIdentifier());
    }

    private void scheduleDeadlines(DeadlineManager deadlines, Instant due, Instant remind, String assignee,
                                   String correlation) {
        if (remind != null) {
            deadlines.schedule(remind, REMINDER, deadlineMessage(assignee, correlation));
        }
        deadlines.schedule(due, OVERDUE, deadlineMessage(assignee, correlation));
    }

    private void cancelDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(REMINDER);
        deadlines.cancelAllWithinScope(OVERDUE);
    }

    /** What comes due is recorded as the system, on behalf of the assignee, in the request that scheduled it. */
    private static GenericMessage<String> deadlineMessage(String assignee, String correlation) {
        MetaData audit = MetaData.with(AuditMetadata.USER_ID, COMPONENT).and(AuditMetadata.ON_BEHALF_OF, assignee);
        return new GenericMessage<>(assignee, correlation == null ? audit
                : audit.and(AuditMetadata.CORRELATION_ID, correlation));
    }

    private void requireOpen(String action) {
        if (!kind.scheduled()) {
            throw new InvalidTransitionException(action + " that was logged", status.name());
        }
        if (status != ActivityStatus.OPEN) {
            throw new InvalidTransitionException(action, status.name());
        }
    }

    private static void requireTimes(Instant due, Instant remind) {
        Fields.present("dueAt", due);
        Fields.instant("dueAt", due);
        Fields.instant("remindAt", remind);
        if (remind != null && !remind.isBefore(due)) {
            throw new InvalidFieldException("remindAt", "invalid-range", "remindAt must be before dueAt");
        }
    }

    private static ActivityLinks links(ActivityLinks links) {
        if (links == null) {
            throw new InvalidFieldException("accountId", "required",
                    "An activity is about an account, a contact or a deal: give at least one");
        }
        return links.validated();
    }

    @EventSourcingHandler
    void on(ActivityLogged event) {
        activityId = event.activityId();
        kind = event.kind();
        status = ActivityStatus.DONE;
        ownerId = event.ownerId();
        accountId = event.links().accountId();
    }

    @EventSourcingHandler
    void on(ActivityScheduled event, @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlation) {
        activityId = event.activityId();
        kind = event.kind();
        status = ActivityStatus.OPEN;
        ownerId = event.assigneeId();
        accountId = event.links().accountId();
        dueAt = event.dueAt();
        remindAt = event.remindAt();
        correlationId = correlation;
    }

    @EventSourcingHandler
    void on(ActivityCompleted event) {
        status = ActivityStatus.DONE;
    }

    @EventSourcingHandler
    void on(ActivityCancelled event) {
        status = ActivityStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ActivityRescheduled event) {
        dueAt = event.dueAt();
        remindAt = event.remindAt();
    }

    @EventSourcingHandler
    void on(ActivityTransferred event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(ActivityReassigned event) {
        ownerId = event.assigneeId();
    }
}
