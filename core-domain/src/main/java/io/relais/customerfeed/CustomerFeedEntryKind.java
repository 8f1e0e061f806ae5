package io.relais.customerfeed;

/** What an entry of the customer feed tells the ERP. */
public enum CustomerFeedEntryKind {
    /** The account became a customer: promoted, or by a merge with a customer. */
    CUSTOMER,
    /** The customer was linked to its ERP record: {@code erpId}. */
    ERP_LINKED,
    /** ERP-mastered fields of the customer changed: {@code changes}, each before and after. */
    ERP_FIELDS_CHANGED,
    /** The customer was merged into another account as a duplicate: {@code mergedIntoId} lives on. */
    CUSTOMER_MERGED,
    /** A deal of the account was won: {@code deal}, with its lines as they were then. */
    DEAL_WON
}
