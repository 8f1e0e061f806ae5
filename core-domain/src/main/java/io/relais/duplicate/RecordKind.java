package io.relais.duplicate;

/** The kinds of records duplicates are looked for among. */
public enum RecordKind {
    ACCOUNT,
    LEAD,
    CONTACT
}
