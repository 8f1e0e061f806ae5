package io.relais.account;

/** A prospect needs little; a customer has what the ERP requires. */
public enum AccountStatus {
    PROSPECT,
    CUSTOMER
}
