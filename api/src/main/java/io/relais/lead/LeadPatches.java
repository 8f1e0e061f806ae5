package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.common.InvalidFieldException;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/** Reads a JSON merge patch of lead details: the fields present change, null clears, absent fields stay. */
final class LeadPatches {

    private LeadPatches() {
    }

    /** The changes a patch asks for; an unknown field, or a value that is not a string or null, is refused. */
    static Map<LeadField, String> changes(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidFieldException("body", "invalid-body", "The body must be a JSON object of fields to change");
        }
        Map<LeadField, String> changes = new EnumMap<>(LeadField.class);
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            LeadField field = LeadField.byName(entry.getKey()).orElseThrow(() -> new InvalidFieldException(
                    entry.getKey(), "unknown-field", "Unknown or read-only field '" + entry.getKey() + "'"));
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isTextual()) {
                throw new InvalidFieldException(entry.getKey(), "invalid-value",
                        "'" + entry.getKey() + "' must be a string or null");
            }
            changes.put(field, value.isNull() ? null : value.textValue());
        }
        return changes;
    }
}
