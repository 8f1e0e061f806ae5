package io.relais.imports;

import io.relais.common.InvalidFieldException;

import java.util.List;

/** How each row of a file becomes its commands: the file's columns mapped to fields, read by its kind's reader. */
final class ImportPlan {

    private final ImportSettings settings;
    private final CsvTable table;
    private final RowReader reader;
    private final ColumnMapping mapping;
    private final int columns;
    private final int keyIndex;

    ImportPlan(ImportSettings settings, CsvTable table) {
        this.settings = settings;
        this.table = table;
        this.reader = RowReader.of(settings.kind());
        this.mapping = ColumnMapping.of(table.header(), settings.mapping(), reader.usualHeaders());
        this.columns = table.header().size();
        this.keyIndex = settings.keyColumn() == null ? -1 : table.header().indexOf(settings.keyColumn());
    }

    CsvTable table() {
        return table;
    }

    ColumnMapping mapping() {
        return mapping;
    }

    RowReader reader() {
        return reader;
    }

    /** The commands the row stands for; refused as the row's field that cannot be read. */
    RowCommands commands(CsvTable.Row row) {
        List<String> values = row.values();
        if (values.size() > columns && values.subList(columns, values.size()).stream().anyMatch(v -> !v.isBlank())) {
            throw new InvalidFieldException("row", "too-many-values", "The row has " + values.size()
                    + " values where the header names " + columns + " columns: a separator inside an unquoted value?");
        }
        return reader.commands(identity(row), mapping.values(values), settings);
    }

    private RowReader.Identity identity(CsvTable.Row row) {
        String key = null;
        if (keyIndex >= 0) {
            String value = keyIndex < row.values().size() ? row.values().get(keyIndex).strip() : "";
            if (value.isEmpty()) {
                throw new InvalidFieldException("keyColumn", "required", "The key column " + settings.keyColumn()
                        + " is empty on this row");
            }
            key = ColumnMapping.normalised(settings.keyColumn()) + "|" + value;
        }
        return new RowReader.Identity(settings.kind(), key, settings.fileSha256() + "|" + row.index());
    }
}
