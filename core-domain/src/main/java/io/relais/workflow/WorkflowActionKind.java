package io.relais.workflow;

/** What a workflow rule does when its event occurs and its condition holds. */
public enum WorkflowActionKind {
    /** A task for the record's owner or the owner's manager, due some days after the event. */
    SCHEDULE_TASK,
    /** The record is given to another owner. */
    REASSIGN,
    /** The event is delivered to a webhook subscription, whatever event types the subscription takes. */
    CALL_WEBHOOK,
    /** Whoever follows the record (or its account, or its owner) gets an alert with the rule's message. */
    NOTIFY_FOLLOWERS
}
