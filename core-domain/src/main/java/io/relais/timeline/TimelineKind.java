package io.relais.timeline;

/** What a timeline entry is about: the account itself, one of its contacts, or a lead that joined it. */
public enum TimelineKind {
    ACCOUNT,
    CONTACT,
    LEAD
}
