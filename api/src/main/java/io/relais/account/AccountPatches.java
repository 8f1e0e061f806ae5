package io.relais.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.common.InvalidFieldException;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads account details from request bodies: a whole set of details for a creation, or a JSON merge patch
 * (the fields present change, null clears, addresses are replaced whole) for an update.
 */
@Component
class AccountPatches {

    private final ObjectMapper json;

    AccountPatches(ObjectMapper json) {
        this.json = json;
    }

    /** The fields a patch names; an unknown name is refused. */
    Set<AccountField> fields(JsonNode patch) {
        ObjectNode object = requireObject(patch);
        Set<AccountField> fields = EnumSet.noneOf(AccountField.class);
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            fields.add(AccountField.byName(name).orElseThrow(() -> new InvalidFieldException(name, "unknown-field",
                    "Unknown or read-only field '" + name + "'")));
        }
        return fields;
    }

    /** The details a body gives, other fields being null. */
    AccountDetails details(JsonNode body) {
        try {
            return json.treeToValue(requireObject(body), AccountDetails.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new InvalidFieldException(field.isEmpty() ? "body" : field, "invalid-value",
                    "The value of '" + field + "' has the wrong type or an unknown field");
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("body", "invalid-body", "The body is not a valid set of account details");
        }
    }

    /** The body without {@code name}, and that field's text (null when absent). */
    String take(JsonNode body, String name) {
        JsonNode value = requireObject(body).remove(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidFieldException(name, "invalid-value", "'" + name + "' must be a string");
        }
        return value.textValue();
    }

    private static ObjectNode requireObject(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new InvalidFieldException("body", "invalid-body", "The body must be a JSON object");
        }
        return object;
    }
}
