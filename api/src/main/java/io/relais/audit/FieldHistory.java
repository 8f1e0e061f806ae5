package io.relais.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.common.Changes;
import io.relais.common.FieldChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What one record's fields hold, folded from its events in order, and what each event changes. The same rule for
 * every event class, so that no event needs code of its own: an event's payload, as JSON, is flattened to field
 * paths ({@code details.city}); each path whose value differs from the value it had before in the record's
 * history is a change. Two conventions of the events are followed: {@code changes} (the event's own list of what
 * moved, for timelines) repeats the rest and is left out; {@code previousX} beside {@code X} is the event's
 * statement of X's old value, used when the record's history has none (its first event stored elsewhere).
 */
final class FieldHistory {

    private static final String CHANGES = "changes";
    private static final String PREVIOUS = "previous";

    private final Map<String, String> values = new HashMap<>();

    /** The changes {@code payload} makes to the record's fields, which then hold its values. */
    List<FieldChange> apply(JsonNode payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        payload.fields().forEachRemaining(field -> {
            if (!field.getKey().equals(CHANGES)) {
                flatten(field.getKey(), field.getValue(), fields);
            }
        });
        List<FieldChange> changes = new ArrayList<>();
        fields.forEach((path, value) -> {
            if (fields.containsKey(stated(path))) {
                return;
            }
            String before = values.containsKey(path) ? values.get(path) : fields.get(PREVIOUS + capitalised(path));
            Changes.add(changes, path, before, value);
            values.put(path, value);
        });
        return changes;
    }

    /** The field whose old value {@code path} states, if it is a {@code previousX}; else null. */
    private static String stated(String path) {
        if (!path.startsWith(PREVIOUS) || path.length() == PREVIOUS.length() || path.contains(".")) {
            return null;
        }
        String field = path.substring(PREVIOUS.length());
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }

    private static String capitalised(String path) {
        return Character.toUpperCase(path.charAt(0)) + path.substring(1);
    }

    /** Objects are walked; a list of values is one field (comma-separated), a list of objects one JSON value. */
    private static void flatten(String path, JsonNode node, Map<String, String> fields) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(path + "." + field.getKey(), field.getValue(), fields));
        } else if (node.isArray()) {
            boolean values = StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isValueNode);
            fields.put(path, node.isEmpty() ? null : values ? StreamSupport.stream(node.spliterator(), false)
                    .map(FieldHistory::text).collect(Collectors.joining(", ")) : node.toString());
        } else {
            fields.put(path, text(node));
        }
    }

    private static String text(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }
}
