package io.relais.lead;

/** Why a lead was dropped. {@code OTHER} requires a note. */
public enum DisqualificationReason {
    NO_NEED,
    NO_BUDGET,
    NOT_REACHABLE,
    COMPETITOR_CHOSEN,
    DUPLICATE,
    INVALID_DATA,
    OTHER
}
