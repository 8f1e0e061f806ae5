package io.relais.personaldata;

/** The people whose data Relais holds and can erase: one key each (ADR 013). */
public enum DataSubjectKind {
    /** A lead: a person at a prospect company, before conversion. */
    LEAD,
    /** A contact of an account. */
    CONTACT
}
