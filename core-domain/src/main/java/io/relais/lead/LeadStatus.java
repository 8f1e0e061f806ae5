package io.relais.lead;

/** Where a lead stands. Conversion into account and contact will add a final status of its own. */
public enum LeadStatus {
    NEW,
    WORKING,
    QUALIFIED,
    DISQUALIFIED
}
