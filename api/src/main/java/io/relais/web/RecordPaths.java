package io.relais.web;

/** The path variables of the routes that read one record. */
public final class RecordPaths {

    /**
     * A record's id, which is never {@code export}: the list's export sits beside its records
     * ({@code /leads/export}, {@code /leads/{id}}), and an export asked for in a type it does not produce must be
     * refused as such (406), not read as the record "export" (404).
     */
    public static final String ID = "{id:(?!export$).+}";

    private RecordPaths() {
    }
}
