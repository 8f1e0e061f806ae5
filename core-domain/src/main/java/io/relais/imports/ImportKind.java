package io.relais.imports;

/** What the rows of an imported file hold. */
public enum ImportKind {
    /** One lead per row. */
    LEADS
}
