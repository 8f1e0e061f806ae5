package io.relais.web;

import io.relais.security.SecurityConfiguration;
import io.relais.security.SecurityProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Completes what springdoc cannot see in the controllers, so that a client generated from the description
 * handles every answer the engine gives: the sign-in scheme of the running mode on every operation; the
 * {@code Change-Reason} header every write takes ({@link ActingContextFilter} reads it for all of them); the RFC 9457
 * problems each kind of operation can answer; and in the schemas only answers use, every property required (the
 * engine writes nulls rather than leaving fields out), a {@code null} allowed only where the record component is
 * {@code @Nullable}.
 */
@Component
class ApiDescriptionCompletion implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final AntPathMatcher ROUTES = new AntPathMatcher();
    private static final String PERSONAL_DATA_ERASED = "personalDataErased";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final SecurityProperties.Mode mode;

    ApiDescriptionCompletion(SecurityProperties security) {
        this.mode = security.mode();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void customise(OpenAPI api) {
        String scheme = declareSignIn(api);
        declareProblem(api);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean open = SecurityConfiguration.PUBLIC_API.stream().anyMatch(route -> ROUTES.match(route, path));
            if (open) {
                operation.setSecurity(new ArrayList<>());
            } else {
                operation.addSecurityItem(new SecurityRequirement().addList(scheme));
            }
            if (method != PathItem.HttpMethod.GET && !open) {
                operation.addParametersItem(new HeaderParameter().name(ChangeReason.HEADER).required(false)
                        .description(ChangeReason.DESCRIPTION)
                        .schema(new StringSchema().minLength(1).maxLength(ChangeReason.MAX_LENGTH)));
            }
            addProblems(path, method, operation, open);
        }));
        requireAnswerProperties(api);
        api.getComponents().getSchemas().values().stream().filter(schema -> schema.getProperties() != null)
                .forEach(schema -> ((Map<String, Schema>) schema.getProperties()).values()
                        .forEach(ApiDescriptionCompletion::admitNullInEnum));
        describeErasure(api);
    }

    /** The erased marker, on every record and entry that has one (docs/personal-data.md, "Erasure"). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeErasure(OpenAPI api) {
        api.getComponents().getSchemas().values().stream().filter(schema -> schema.getProperties() != null)
                .map(schema -> ((Map<String, Schema>) schema.getProperties()).get(PERSONAL_DATA_ERASED))
                .filter(Objects::nonNull)
                .forEach(property -> property.description("The person's personal data was erased: their fields "
                        + "here are null (lists empty) for good, or, in a history or timeline entry made before the "
                        + "erasure, the changes of their fields are left out. The rest of the record stays."));
    }

    /** An enumeration lists every value allowed: a nullable one lists null too (OpenAPI 3.0.3). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void admitNullInEnum(Schema property) {
        List<Object> values = property.getEnum();
        if (Boolean.TRUE.equals(property.getNullable()) && values != null && !values.contains(null)) {
            values.add(null);
        }
    }

    private String declareSignIn(OpenAPI api) {
        SecurityScheme scheme = new SecurityScheme().type(SecurityScheme.Type.HTTP);
        String name = switch (mode) {
            case BASIC -> {
                scheme.scheme("basic").description("A Relais user id and password (HTTP Basic).");
                yield "basicAuth";
            }
            case JWT -> {
                scheme.scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the configured identity provider; its user claim names "
                                + "the Relais user.");
                yield "bearerAuth";
            }
        };
        api.getComponents().addSecuritySchemes(name, scheme);
        return name;
    }

    private static void declareProblem(OpenAPI api) {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the input at fault"))
                .addProperty("code", new StringSchema())
                .addProperty("detail", new StringSchema());
        error.setRequired(List.of("code", "detail"));
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem. Some carry more members: currentStatus (invalid-transition), "
                        + "missingFields (erp-fields-missing).")
                .addProperty("type", new StringSchema().format("uri")
                        .description("urn:relais:problem:<code>, stable"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("field", new StringSchema().description("the first input at fault"))
                .addProperty("errors", new ArraySchema().items(error).description("every input at fault"));
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        api.getComponents().addSchemas(PROBLEM, problem);
    }

    /**
     * The problems every operation may answer; a public one (no sign-in) answers no 401 and no conflict, and its 403
     * and 429 say why it refuses.
     */
    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation, boolean open) {
        Map<String, String> problems = new TreeMap<>();
        problems.put("400", "The request is malformed or an input is out of its range (the problem names it)");
        problems.put("406", "The Accept header admits no JSON");
        problems.put("413", "The body is over the size limit (any request may send one)");
        problems.put("415", "The body is not JSON (any request may send one)");
        if (open) {
            problems.put("403", "The page's origin is not one the form allows (origin-not-allowed)");
            problems.put("404", "No form takes submissions under this key");
            problems.put("415", "The body is neither a url-encoded form nor JSON");
            problems.put("429", "Too many submissions from this address or to this form: wait Retry-After seconds");
        } else {
            problems.put("401", "No valid credentials");
            problems.put("403", "The caller's profile or place in the hierarchy does not allow it");
            problems.put("429", "Too many failed sign-ins: wait Retry-After seconds");
        }
        if (path.contains("{")) {
            problems.putIfAbsent("404", "No such record, or not one the caller may see");
        }
        if (method != PathItem.HttpMethod.GET && !open) {
            problems.put("409", "The record's state or version does not allow it (stale-version, "
                    + "invalid-transition …)");
            problems.put("422", "A retry that differs from the first request, or a record that lacks what the "
                    + "change needs");
        }
        problems.forEach((status, description) -> operation.getResponses().computeIfAbsent(status,
                missing -> new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        ApiResponses byStatus = new ApiResponses();
        new TreeMap<>(operation.getResponses()).forEach(byStatus::addApiResponse);
        operation.setResponses(byStatus);
    }

    /**
     * Schemas that requests use too (details sent in a patch) keep their optional properties: a client sends
     * only what it changes.
     */
    private static void requireAnswerProperties(OpenAPI api) {
        Set<String> answerOnly = reachable(api, Operation::getResponses);
        answerOnly.removeAll(reachable(api, Operation::getRequestBody));
        answerOnly.stream().map(api.getComponents().getSchemas()::get)
                .filter(schema -> schema != null && schema.getProperties() != null)
                .forEach(ApiDescriptionCompletion::requireAll);
    }

    /** The component schemas that a part of the operations refers to, directly or through other schemas. */
    private static Set<String> reachable(OpenAPI api, Function<Operation, Object> part) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> found = new HashSet<>();
        List<Object> todo = new ArrayList<>();
        api.getPaths().values().forEach(item -> item.readOperations().stream().map(part).filter(Objects::nonNull)
                .forEach(todo::add));
        while (!todo.isEmpty()) {
            for (String name : references(todo.remove(todo.size() - 1))) {
                if (!PROBLEM.equals(name) && found.add(name) && schemas.containsKey(name)) {
                    todo.add(schemas.get(name));
                }
            }
        }
        return found;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void requireAll(Schema schema) {
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> Boolean.TRUE.equals(property.getNullable())
                && property.get$ref() != null ? new Schema<>().nullable(true).description(property.getDescription())
                        .allOf(List.of(new Schema<>().$ref(property.get$ref())))
                : property);
        schema.setProperties(properties);
        schema.setRequired(new ArrayList<>(properties.keySet()));
    }

    /** The names of the component schemas a part of the description refers to, directly. */
    private static Set<String> references(Object node) {
        Set<String> names = new HashSet<>();
        collect(io.swagger.v3.core.util.Json.mapper().valueToTree(node), names);
        return names;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()) {
                    String ref = field.getValue().asText();
                    names.add(ref.substring(ref.lastIndexOf('/') + 1));
                } else {
                    collect(field.getValue(), names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, names));
        }
    }
}
