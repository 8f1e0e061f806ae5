package io.relais.imports;

/** What the rows of an imported file hold. */
public enum ImportKind {
    /** One lead per row. */
    LEADS,
    /** An account per row, with a contact when the row names a person; rows of one company make one account. */
    ACCOUNTS
}
