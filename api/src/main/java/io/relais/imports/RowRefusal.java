package io.relais.imports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.relais.common.Refusal;

/**
 * Why a row was refused.
 *
 * @param rowIndex the row, counted from 0 after the header
 * @param line     the line of the file where the row begins (the header is line 1)
 * @param field    the field refused, as the API names it ({@code email}), or {@code row} for the row as a whole
 * @param problem  what is wrong, as the rules say it
 */
public record RowRefusal(@JsonIgnore int rowIndex, int line, String field, String problem) {

    /** The row refused by {@code refusal}, of the field named {@code field}: the row's own when none is. */
    static RowRefusal of(CsvTable.Row row, String field, Refusal refusal) {
        return new RowRefusal(row.index(), row.line(), field == null ? "row" : field, refusal.message());
    }
}
