package io.relais.lead;

/** Where a lead stands. Conversion into account and contact will add a final status of its own. */
public enum LeadStatus {
    NEW,
    WORKING,
    QUALIFIED,
    DISQUALIFIED,
    /** Became an account's contact; the lead's history lives on in the account's. */
    CONVERTED
}
