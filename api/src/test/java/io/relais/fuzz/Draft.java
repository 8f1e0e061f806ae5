package io.relais.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.fuzz.ApiDescription.Operation;
import io.relais.fuzz.Fixture.Caller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request being built: first valid-looking, from the description and the fixture, then spoiled by
 * mutations. Mutable, so always {@link #copy() copied} before mutations are applied to it.
 */
final class Draft {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Operation operation;
    String method;
    /** Path parameter values, inserted as they are (already percent-encoded where needed). */
    final Map<String, String> pathValues;
    /** Query parameters as name, value pairs, values already percent-encoded. */
    final List<String[]> query;
    /** Headers by name; insertion order is kept. */
    final Map<String, String> headers;
    String contentType;
    /** The body as a tree; {@code null} for none. */
    JsonNode body;
    /** When set, the exact body text, which wins over {@link #body}. */
    String bodyText;
    String pathSuffix = "";
    Caller caller;
    final List<String> mutations;

    Draft(Operation operation, Map<String, String> pathValues, List<String[]> query, Map<String, String> headers,
          String contentType, JsonNode body) {
        this(operation, operation.method(), new LinkedHashMap<>(pathValues), new ArrayList<>(query),
                new LinkedHashMap<>(headers), contentType, body, null, "", null, new ArrayList<>());
    }

    private Draft(Operation operation, String method, Map<String, String> pathValues, List<String[]> query,
                  Map<String, String> headers, String contentType, JsonNode body, String bodyText,
                  String pathSuffix, Caller caller, List<String> mutations) {
        this.operation = operation;
        this.method = method;
        this.pathValues = pathValues;
        this.query = query;
        this.headers = headers;
        this.contentType = contentType;
        this.body = body;
        this.bodyText = bodyText;
        this.pathSuffix = pathSuffix;
        this.caller = caller;
        this.mutations = mutations;
    }

    Draft copy() {
        return new Draft(operation, method, new LinkedHashMap<>(pathValues),
                new ArrayList<>(query.stream().map(String[]::clone).toList()), new LinkedHashMap<>(headers),
                contentType, body == null ? null : body.deepCopy(), bodyText, pathSuffix, caller,
                new ArrayList<>(mutations));
    }

    /** The body as it will be sent. */
    String text() {
        if (bodyText != null) {
            return bodyText;
        }
        try {
            return body == null ? null : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    FuzzRequest toRequest(Caller defaultCaller) {
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder target = new StringBuilder(path).append(pathSuffix);
        for (int i = 0; i < query.size(); i++) {
            target.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(query.get(i)[1]);
        }
        List<String> headerList = new ArrayList<>();
        headers.forEach((name, value) -> {
            headerList.add(name);
            headerList.add(value);
        });
        String text = text();
        return new FuzzRequest(operation, caller == null ? defaultCaller : caller, method, target.toString(),
                List.copyOf(headerList), text == null ? null : contentType, text, List.copyOf(mutations));
    }
}
