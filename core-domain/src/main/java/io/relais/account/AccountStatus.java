package io.relais.account;

/** A prospect needs little; a customer has what the ERP requires; a merged account lives on in its survivor. */
public enum AccountStatus {
    PROSPECT,
    CUSTOMER,
    /** Merged into another account as a duplicate; it changes no more. */
    MERGED
}
