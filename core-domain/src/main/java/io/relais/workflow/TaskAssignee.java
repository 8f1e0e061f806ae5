package io.relais.workflow;

/** Who gets the task a rule schedules. */
public enum TaskAssignee {
    /** The record's owner. */
    OWNER,
    /** The manager of the record's owner. */
    OWNER_MANAGER
}
