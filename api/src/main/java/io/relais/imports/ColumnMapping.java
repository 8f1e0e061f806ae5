package io.relais.imports;

import io.relais.common.InvalidFieldException;
import io.relais.common.SearchText;
import io.relais.export.SpreadsheetCsv;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which column of a file fills which field: the request's mapping (header to field; an empty field leaves a
 * column out), and for the columns it does not name, the field whose usual header (or own name) the column's is,
 * in French or English, whatever its case, accents, spaces and punctuation ("Raison sociale", "E-mail",
 * "Téléphone", "Code postal").
 */
final class ColumnMapping {

    private final List<String> header;
    /** Column index to field, for the mapped columns. */
    private final Map<Integer, String> fields;

    private ColumnMapping(List<String> header, Map<Integer, String> fields) {
        this.header = header;
        this.fields = fields;
    }

    /**
     * The mapping of {@code header} to the fields {@code usualHeaders} knows (field to its usual headers),
     * {@code requested} first; refused as {@code mapping.<header>} when the request names a column the file lacks
     * or a field there is not, and as {@code mapping} when no column, or two, would fill a field.
     */
    static ColumnMapping of(List<String> header, Map<String, String> requested, Map<String, List<String>> usualHeaders) {
        Map<String, String> fieldsByUsualHeader = new HashMap<>();
        usualHeaders.forEach((field, names) -> {
            names.forEach(name -> fieldsByUsualHeader.put(normalised(name), field));
            fieldsByUsualHeader.put(normalised(field), field);
        });
        Map<String, String> explicit = requested == null ? Map.of() : requested;
        explicit.forEach((column, field) -> {
            if (!header.contains(column)) {
                throw new InvalidFieldException("mapping." + column, "unknown-column", "The file has no column named "
                        + column + "; its columns are " + String.join(", ", header));
            }
            if (field != null && !field.isBlank() && !usualHeaders.containsKey(field)) {
                throw new InvalidFieldException("mapping." + column, "unknown-field", field
                        + " is not a field an import fills; they are " + String.join(", ", new TreeSet<>(usualHeaders.keySet())));
            }
        });
        Map<Integer, String> fields = new LinkedHashMap<>();
        Map<String, String> columnsByField = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String field = explicit.containsKey(column) ? blankToNull(explicit.get(column))
                    : fieldsByUsualHeader.get(normalised(column));
            if (field == null) {
                continue;
            }
            String other = columnsByField.put(field, column);
            if (other != null) {
                throw new InvalidFieldException("mapping", "field-mapped-twice", "Both " + other + " and " + column
                        + " would fill " + field + ": map one of them to another field, or to \"\" to leave it out");
            }
            fields.put(i, field);
        }
        if (fields.isEmpty()) {
            throw new InvalidFieldException("mapping", "nothing-mapped", "No column of the file fills a field: its "
                    + "columns are " + String.join(", ", header) + "; map them to "
                    + String.join(", ", new TreeSet<>(usualHeaders.keySet())));
        }
        return new ColumnMapping(header, fields);
    }

    /** The mapping as stored with its job and shown to the caller: each column's field, null for one left out. */
    Map<String, String> byColumn() {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isEmpty()) {
                byColumn.put(header.get(i), fields.get(i));
            }
        }
        return Collections.unmodifiableMap(byColumn);
    }

    /** The row's values by field, blank ones left out; a value kept safe from spreadsheets gets its own back. */
    Map<String, String> values(List<String> row) {
        Map<String, String> values = new HashMap<>();
        fields.forEach((index, field) -> {
            if (index < row.size() && !row.get(index).isBlank()) {
                values.put(field, SpreadsheetCsv.unguarded(row.get(index).strip()));
            }
        });
        return values;
    }

    /** The column filling {@code field}, or the field's name when no column does. */
    String columnOf(String field) {
        return fields.entrySet().stream().filter(e -> e.getValue().equals(field)).map(e -> header.get(e.getKey()))
                .findFirst().orElse(field);
    }

    /** A header as compared with the usual ones: lower case, without accents, spaces or punctuation. */
    static String normalised(String name) {
        return SearchText.fold(name).replaceAll("[^a-z0-9]", "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
