package io.relais.opportunity;

/** Why a deal was lost. {@code OTHER} requires a note. */
public enum LossReason {
    PRICE,
    COMPETITOR,
    NO_DECISION,
    NO_BUDGET,
    TIMING,
    PRODUCT_FIT,
    OTHER
}
