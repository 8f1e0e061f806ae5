package io.relais.opportunity;

/** An opportunity is open in one of the sales stages, or closed as won or lost. */
public enum OpportunityStatus {
    OPEN,
    WON,
    LOST
}
