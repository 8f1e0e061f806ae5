package io.relais.imports;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Why a row was refused.
 *
 * @param rowIndex the row, counted from 0 after the header
 * @param line     the line of the file where the row begins (the header is line 1)
 * @param field    the field refused, as the API names it ({@code email}), or {@code row} for the row as a whole
 * @param problem  what is wrong, as the rules say it
 */
public record RowRefusal(@JsonIgnore int rowIndex, int line, String field, String problem) {
}
