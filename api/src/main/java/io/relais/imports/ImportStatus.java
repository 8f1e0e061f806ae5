package io.relais.imports;

/** Where an import stands. */
public enum ImportStatus {
    /** Its rows are being imported, or it waits to resume after a restart. */
    RUNNING,
    /** Every row was read. */
    COMPLETED,
    /** A failure that is not a row's stopped it; {@code failure} says which. */
    FAILED,
    /** A dry run: its rows were checked, nothing was written. */
    CHECKED
}
