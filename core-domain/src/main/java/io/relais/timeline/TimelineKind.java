package io.relais.timeline;

/**
 * What a timeline entry is about: the account itself, one of its contacts, a lead that joined it, one of its
 * deals or an activity about it.
 */
public enum TimelineKind {
    ACCOUNT,
    CONTACT,
    LEAD,
    OPPORTUNITY,
    ACTIVITY
}
