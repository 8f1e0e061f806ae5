package io.relais.activity;

/** What kind of interaction: calls, e-mails and notes are logged; tasks and meetings are scheduled. */
public enum ActivityKind {
    CALL,
    EMAIL,
    NOTE,
    MEETING,
    TASK;

    /** Whether it has a due time, an assignee and a status until it is done. */
    public boolean scheduled() {
        return this == MEETING || this == TASK;
    }
}
