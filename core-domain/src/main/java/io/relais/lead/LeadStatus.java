package io.relais.lead;

/** Where a lead stands. CONVERTED and MERGED are final. */
public enum LeadStatus {
    NEW,
    WORKING,
    QUALIFIED,
    DISQUALIFIED,
    /** Became an account's contact; the lead's history lives on in the account's. */
    CONVERTED,
    /** Merged into another lead as a duplicate; its history lives on in the survivor's. */
    MERGED
}
