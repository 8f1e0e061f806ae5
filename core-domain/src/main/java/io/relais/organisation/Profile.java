package io.relais.organisation;

/** What a user may do. Rights follow the profile, and for sales profiles the reporting line too. */
public enum Profile {
    /** Sees and changes the records they own. */
    SALES_REP,
    /** Sees and changes the records of their whole subtree, their own included. */
    SALES_MANAGER,
    /** Sees and changes everything, and manages users, the hierarchy and territories. */
    ADMINISTRATOR,
    /** Reads everything, the audit trail included; changes nothing. */
    AUDITOR,
    /** Reads the read models and exports; changes nothing. */
    ANALYST,
    /** Reads everything; the only one who may change ERP-mastered fields. */
    DATA_STEWARD;

    public boolean seesEverything() {
        return this != SALES_REP && this != SALES_MANAGER;
    }

    /** Whether this profile changes sales records (leads, accounts, deals) at all. */
    public boolean changesRecords() {
        return this == SALES_REP || this == SALES_MANAGER || this == ADMINISTRATOR;
    }

    /** Whether records may be given to a user with this profile. */
    public boolean ownsRecords() {
        return changesRecords();
    }
}
