package io.relais.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The operations of the engine's live OpenAPI description, their parameters and request bodies. */
record ApiDescription(List<Operation> operations, JsonNode schemas) {

    static ApiDescription of(JsonNode description) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                operations.add(operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return new ApiDescription(List.copyOf(operations), description.path("components").path("schemas"));
    }

    /** The schema itself, or the one it refers to. */
    JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** Every property name of the request bodies, with its schema: what an untyped body is made of. */
    Map<String, JsonNode> requestProperties() {
        Map<String, JsonNode> properties = new java.util.TreeMap<>();
        for (Operation operation : operations) {
            JsonNode body = resolve(operation.bodySchema());
            body.path("properties").fields().forEachRemaining(p -> properties.putIfAbsent(p.getKey(), p.getValue()));
        }
        return properties;
    }

    private static Operation operation(String method, String path, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(),
                p.path("in").asText(), p.path("required").asBoolean(false), p.path("schema"))));
        JsonNode content = operation.path("requestBody").path("content");
        List<String> contentTypes = new ArrayList<>(new TreeSet<>(iterable(content.fieldNames())));
        contentTypes.sort(Comparator.comparing((String type) -> !type.equals("application/json")));
        JsonNode bodySchema = contentTypes.isEmpty() ? MissingNode.getInstance()
                : content.path(contentTypes.get(0)).path("schema");
        return new Operation(method, path, List.copyOf(parameters), bodySchema,
                operation.path("requestBody").path("required").asBoolean(false), List.copyOf(contentTypes));
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
                     boolean bodyRequired, List<String> contentTypes) {

        boolean hasBody() {
            return !contentTypes.isEmpty();
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }
}
