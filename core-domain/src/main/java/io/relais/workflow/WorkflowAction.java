package io.relais.workflow;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

/**
 * What a rule does. Each kind takes its own fields and refuses the others': a field that would be ignored is a
 * mistake the administrator should see.
 *
 * @param kind      what the rule does
 * @param assignTo  {@code SCHEDULE_TASK}: the owner or the owner's manager
 * @param subject   {@code SCHEDULE_TASK}: the task's subject; {@code NOTIFY_FOLLOWERS}: the followers' message
 * @param dueInDays {@code SCHEDULE_TASK}: the task is due this many days after the event (0 to 365)
 * @param ownerId   {@code REASSIGN}: the user who becomes the record's owner
 * @param webhookId {@code CALL_WEBHOOK}: the subscription the event is delivered to
 */
public record WorkflowAction(WorkflowActionKind kind, @Nullable TaskAssignee assignTo, @Nullable String subject,
                             @Nullable Integer dueInDays, @Nullable String ownerId, @Nullable String webhookId) {

    public static final int MAX_DUE_IN_DAYS = 365;

    public WorkflowAction validated() {
        Fields.present("action.kind", kind);
        return switch (kind) {
            case SCHEDULE_TASK -> {
                notApplicable("action.ownerId", ownerId);
                notApplicable("action.webhookId", webhookId);
                yield new WorkflowAction(kind, Fields.present("action.assignTo", assignTo),
                        Fields.required("action.subject", subject, 200),
                        Fields.integer("action.dueInDays", Fields.present("action.dueInDays", dueInDays), 0,
                                MAX_DUE_IN_DAYS), null, null);
            }
            case REASSIGN -> {
                notApplicable("action.assignTo", assignTo);
                notApplicable("action.subject", subject);
                notApplicable("action.dueInDays", dueInDays);
                notApplicable("action.webhookId", webhookId);
                yield new WorkflowAction(kind, null, null, null, Fields.userId("action.ownerId", ownerId), null);
            }
            case NOTIFY_FOLLOWERS -> {
                notApplicable("action.assignTo", assignTo);
                notApplicable("action.dueInDays", dueInDays);
                notApplicable("action.ownerId", ownerId);
                notApplicable("action.webhookId", webhookId);
                yield new WorkflowAction(kind, null, Fields.required("action.subject", subject, 200), null, null,
                        null);
            }
            case CALL_WEBHOOK -> {
                notApplicable("action.assignTo", assignTo);
                notApplicable("action.subject", subject);
                notApplicable("action.dueInDays", dueInDays);
                notApplicable("action.ownerId", ownerId);
                yield new WorkflowAction(kind, null, null, null, null,
                        Fields.exactIdentifier("action.webhookId",
                        Fields.present("action.webhookId", webhookId)));
            }
        };
    }

    private void notApplicable(String field, Object value) {
        if (value != null) {
            throw new InvalidFieldException(field, "not-applicable", field + " does not apply to a " + kind
                    + " action: leave it out");
        }
    }

    /** The action as histories show it: "SCHEDULE_TASK for OWNER_MANAGER, due in 2 days: Call the buyer". */
    public String summary() {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case SCHEDULE_TASK -> kind + " for " + assignTo + ", due in " + dueInDays + " days: " + subject;
            case REASSIGN -> kind + " to " + ownerId;
            case CALL_WEBHOOK -> kind + " " + webhookId;
            case NOTIFY_FOLLOWERS -> kind + ": " + subject;
        };
    }
}
