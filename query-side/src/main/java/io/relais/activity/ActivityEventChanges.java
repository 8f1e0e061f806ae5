package io.relais.activity;

import io.relais.alert.AlertKind;
import io.relais.common.FieldChange;
import io.relais.personaldata.ErasedPersonalData;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.relais.common.Changes.add;

/**
 * What each activity event changed, field by field, as the 360° timeline shows it. The assignee of a task
 * or meeting is its {@code ownerId}, as in the activity's view; a reminder or overdue alert is an addition to
 * the assignee's {@code alerts}.
 */
public final class ActivityEventChanges {

    /** The fields of these changes that hold the personal data of the contact an activity is about. */
    public static final Set<String> PERSONAL_FIELDS = ErasedPersonalData.personalFields(ActivityLogged.class,
            ActivityScheduled.class, ActivityCompleted.class);

    private ActivityEventChanges() {
    }

    /** The changes {@code event} made; empty for an event that changes no field. */
    public static List<FieldChange> of(Object event) {
        List<FieldChange> changes = new ArrayList<>();
        if (event instanceof ActivityLogged logged) {
            add(changes, "status", null, ActivityStatus.DONE);
            created(changes, logged.kind(), logged.subject(), logged.notes(), logged.links(), logged.ownerId());
            add(changes, "occurredAt", null, logged.occurredAt());
        } else if (event instanceof ActivityScheduled scheduled) {
            add(changes, "status", null, ActivityStatus.OPEN);
            created(changes, scheduled.kind(), scheduled.subject(), scheduled.notes(), scheduled.links(),
                    scheduled.assigneeId());
            add(changes, "dueAt", null, scheduled.dueAt());
            add(changes, "remindAt", null, scheduled.remindAt());
        } else if (event instanceof ActivityRescheduled rescheduled) {
            add(changes, "dueAt", rescheduled.previousDueAt(), rescheduled.dueAt());
            // the event does not say which reminder it replaces: only the one now set is known
            add(changes, "remindAt", null, rescheduled.remindAt());
        } else if (event instanceof ActivityReassigned reassigned) {
            add(changes, "ownerId", reassigned.previousAssigneeId(), reassigned.assigneeId());
        } else if (event instanceof ActivityCompleted completed) {
            add(changes, "status", ActivityStatus.OPEN, ActivityStatus.DONE);
            add(changes, "completedAt", null, completed.completedAt());
            add(changes, "outcome", null, completed.outcome());
        } else if (event instanceof ActivityCancelled) {
            add(changes, "status", ActivityStatus.OPEN, ActivityStatus.CANCELLED);
        } else if (event instanceof ActivityReminderDue due) {
            add(changes, "alerts", null, AlertKind.REMINDER + " " + due.assigneeId());
        } else if (event instanceof ActivityOverdue overdue) {
            add(changes, "overdue", false, true);
            add(changes, "alerts", null, AlertKind.OVERDUE + " " + overdue.assigneeId());
        } else if (event instanceof ActivityTransferred transferred) {
            add(changes, "accountId", transferred.previousAccountId(), transferred.accountId());
        }
        return changes;
    }

    private static void created(List<FieldChange> changes, ActivityKind kind, String subject, String notes,
                                ActivityLinks links, String ownerId) {
        add(changes, "kind", null, kind);
        add(changes, "subject", null, subject);
        add(changes, "notes", null, notes);
        add(changes, "accountId", null, links.accountId());
        add(changes, "contactId", null, links.contactId());
        add(changes, "opportunityId", null, links.opportunityId());
        add(changes, "ownerId", null, ownerId);
    }
}
