package io.relais.imports;

import io.relais.common.Fields;

/**
 * What became of an import's rows.
 *
 * @param read            rows read, whatever became of them
 * @param created         rows that made a new record
 * @param refused         rows the rules refused, with their reason kept for the import's list of errors
 * @param alreadyImported rows whose record exists already, from an earlier import of the same rows
 */
public record ImportCounts(int read, int created, int refused, int alreadyImported) {

    /** More rows than any file an import accepts holds. */
    public static final int MAX_ROWS = 10_000_000;

    public ImportCounts validated() {
        Fields.integer("counts.read", read, 0, MAX_ROWS);
        Fields.integer("counts.created", created, 0, read);
        Fields.integer("counts.refused", refused, 0, read);
        Fields.integer("counts.alreadyImported", alreadyImported, 0, read);
        return this;
    }
}
