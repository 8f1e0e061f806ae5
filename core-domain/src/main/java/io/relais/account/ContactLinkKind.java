package io.relais.account;

/** How two contacts are related. */
public enum ContactLinkKind {
    REFERRED_BY,
    SAME_PERSON,
    FAMILY,
    COLLEAGUE,
    REPORTS_TO,
    OTHER
}
