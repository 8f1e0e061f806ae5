package io.relais.alert;

/**
 * Why a user is alerted: a reminder that came due, a task or meeting gone overdue, a change to what they follow, or
 * a workflow rule's message about it ({@code NOTIFY_FOLLOWERS}).
 */
public enum AlertKind {
    REMINDER,
    OVERDUE,
    CHANGE,
    RULE
}
