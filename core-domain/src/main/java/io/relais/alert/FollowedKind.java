package io.relais.alert;

/** What a user may follow: a record, or a user below them in the reporting line (the records that user owns). */
public enum FollowedKind {
    LEAD,
    ACCOUNT,
    OPPORTUNITY,
    USER
}
