package io.relais.export;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a list's CSV: the fields of its rows as the API names them in JSON, a nested record's fields
 * named by their path ({@code details.email}); a list or map is one column holding its JSON. Derived from the
 * row's type, so that every export of a list has the same columns, filled or not.
 */
final class CsvColumns {

    private final List<String> names = new ArrayList<>();
    private final List<JsonPointer> pointers = new ArrayList<>();

    private CsvColumns() {
    }

    static CsvColumns of(ObjectMapper json, Class<?> rowType) {
        CsvColumns columns = new CsvColumns();
        columns.add(json, rowType, "");
        return columns;
    }

    List<String> names() {
        return names;
    }

    /** The row's values in the columns' order: text as it is, a text that would start a formula quoted. */
    List<String> values(JsonNode row) {
        List<String> values = new ArrayList<>(pointers.size());
        for (JsonPointer pointer : pointers) {
            JsonNode value = row.at(pointer);
            if (value.isMissingNode() || value.isNull()) {
                values.add("");
            } else if (value.isTextual()) {
                values.add(SpreadsheetCsv.guarded(value.textValue()));
            } else {
                values.add(value.isContainerNode() ? value.toString() : value.asText());
            }
        }
        return values;
    }

    private void add(ObjectMapper json, Class<?> type, String prefix) {
        BeanDescription description = json.getSerializationConfig().introspect(json.constructType(type));
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            String name = prefix + property.getName();
            Class<?> valueType = property.getRawPrimaryType();
            if (valueType.isRecord()) {
                add(json, valueType, name + ".");
            } else {
                names.add(name);
                pointers.add(JsonPointer.compile("/" + name.replace(".", "/")));
            }
        }
    }
}
