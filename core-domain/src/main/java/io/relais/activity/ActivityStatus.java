package io.relais.activity;

/** A logged activity is done; a scheduled one is open until done or cancelled. */
public enum ActivityStatus {
    OPEN,
    DONE,
    CANCELLED
}
