package io.relais.imports;

import io.relais.common.InvalidFieldException;
import io.relais.lead.CaptureLead;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * How each row of a file becomes its command. A row's record has an id derived from what identifies the row,
 * so that importing it again (the same file uploaded again, an import resumed after a restart) finds the record
 * made instead of making a second: the value of the key column when there is one, else the file's digest and the
 * row's place in it.
 */
final class ImportPlan {

    private final ImportSettings settings;
    private final ColumnMapping mapping;
    private final int columns;
    private final int keyIndex;

    ImportPlan(ImportSettings settings, CsvTable table) {
        this.settings = settings;
        this.mapping = ColumnMapping.of(table.header(), settings.mapping(), LeadRows.USUAL_HEADERS);
        this.columns = table.header().size();
        this.keyIndex = settings.keyColumn() == null ? -1 : table.header().indexOf(settings.keyColumn());
    }

    ColumnMapping mapping() {
        return mapping;
    }

    /** The command the row stands for; refused as the row's field that cannot be read. */
    CaptureLead command(CsvTable.Row row) {
        List<String> values = row.values();
        if (values.size() > columns && values.subList(columns, values.size()).stream().anyMatch(v -> !v.isBlank())) {
            throw new InvalidFieldException("row", "too-many-values", "The row has " + values.size()
                    + " values where the header names " + columns + " columns: a separator inside an unquoted value?");
        }
        return LeadRows.capture(recordId(row), mapping.values(values), source(), settings.ownerId());
    }

    private String source() {
        return settings.source() != null ? settings.source() : settings.fileName();
    }

    private String recordId(CsvTable.Row row) {
        String identity;
        if (keyIndex >= 0) {
            String key = keyIndex < row.values().size() ? row.values().get(keyIndex).strip() : "";
            if (key.isEmpty()) {
                throw new InvalidFieldException("keyColumn", "required", "The key column " + settings.keyColumn()
                        + " is empty on this row");
            }
            identity = "key|" + ColumnMapping.normalised(settings.keyColumn()) + "|" + key;
        } else {
            identity = "file|" + settings.fileSha256() + "|" + row.index();
        }
        return UUID.nameUUIDFromBytes(("relais-import|" + settings.kind() + "|" + identity)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
