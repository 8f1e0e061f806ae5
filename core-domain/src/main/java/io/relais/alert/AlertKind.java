package io.relais.alert;

/** Why a user is alerted: a reminder that came due, a task or meeting gone overdue, or a change to what they follow. */
public enum AlertKind {
    REMINDER,
    OVERDUE,
    CHANGE
}
