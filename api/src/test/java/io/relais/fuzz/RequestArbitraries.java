package io.relais.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.relais.fuzz.ApiDescription.Operation;
import io.relais.fuzz.ApiDescription.Parameter;
import io.relais.fuzz.Fixture.Caller;
import io.relais.fuzz.Fixture.Pair;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Generates requests for every operation of the description: a valid-looking draft made from the
 * operation's parameters and body schema and the fixture's real ids, then up to three mutations. Everything
 * is built from jqwik arbitraries, so a failing request shrinks to the fewest mutations, the simplest values
 * and the first operation and caller that still fail.
 */
final class RequestArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final ApiDescription api;
    private final Fixture fixture;
    private final Map<String, JsonNode> requestProperties;

    RequestArbitraries(ApiDescription api, Fixture fixture) {
        this.api = api;
        this.fixture = fixture;
        this.requestProperties = api.requestProperties();
    }

    Arbitrary<FuzzRequest> requests() {
        return Combinators.combine(callers(), Arbitraries.of(api.operations()))
                .flatAs((caller, operation) -> draft(operation).flatMap(draft -> Arbitraries.frequencyOf(
                                Tuple.of(2, Arbitraries.just(List.<Mutation>of())),
                                Tuple.of(5, mutation(draft).list().ofSize(1)),
                                Tuple.of(2, mutation(draft).list().ofMinSize(2).ofMaxSize(3)))
                        .map(mutations -> {
                            Draft mutated = draft.copy();
                            mutations.forEach(mutation -> mutation.apply(mutated));
                            return mutated.toRequest(caller);
                        })));
    }

    /**
     * Mostly the administrator, who may do the most (so most values reach the events), and rarely anonymous
     * (all anonymous requests end the same way, in a 401).
     */
    private Arbitrary<Caller> callers() {
        List<Integer> weights = List.of(4, 2, 2, 1, 1);
        return Arbitraries.frequencyOf(fixture.callers().stream()
                .map(caller -> Tuple.of(weights.get(fixture.callers().indexOf(caller)), Arbitraries.just(caller)))
                .toArray(Tuple.Tuple2[]::new));
    }

    /** A named change to a draft. */
    record Mutation(String description, Consumer<Draft> change) {

        void apply(Draft draft) {
            change.accept(draft);
            draft.mutations.add(description);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    // ---- the valid-looking draft

    /**
     * Optional body fields are there three times out of four: the description marks few fields required that
     * the domain needs.
     */
    private Arbitrary<Draft> draft(Operation operation) {
        Arbitrary<Map<String, String>> path = pathValues(operation);
        Arbitrary<List<String[]>> query = Combinators.combine(operation.in("query").stream()
                .map(p -> queryValue(p).map(v -> Optional.of(new String[] {p.name(), v}))
                        .injectNull(p.required() ? 0 : 0.5)).toList())
                .as(values -> values.stream().filter(v -> v != null).map(Optional::get).toList());
        Arbitrary<Map<String, String>> headers = Combinators.combine(operation.in("header").stream()
                .map(p -> headerValue(p).map(v -> Optional.of(Map.entry(p.name(), v))).injectNull(0.8)).toList())
                .as(values -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    values.stream().filter(v -> v != null).forEach(v -> map.put(v.get().getKey(), v.get().getValue()));
                    return map;
                });
        Arbitrary<String> contentType = operation.hasBody() ? Arbitraries.of(operation.contentTypes())
                : Arbitraries.just("application/json");
        Arbitrary<Optional<JsonNode>> body = !operation.hasBody() ? Arbitraries.just(Optional.empty())
                : value("body", operation.bodySchema(), 0).map(Optional::of)
                .injectNull(operation.bodyRequired() ? 0 : 0.3).map(o -> o == null ? Optional.empty() : o);
        return Combinators.combine(path, query, headers, contentType, body).as((p, q, h, type, b) ->
                new Draft(operation, p, q, h, type, b.orElse(null)));
    }

    private Arbitrary<Map<String, String>> pathValues(Operation operation) {
        List<Parameter> parameters = operation.in("path");
        Optional<Parameter> inner = parameters.stream()
                .filter(p -> fixture.pairsByInnerParameter().containsKey(p.name())).findFirst();
        if (inner.isPresent()) {
            String outer = parameters.get(0).name();
            return Arbitraries.of(fixture.pairsByInnerParameter().get(inner.get().name()))
                    .map(pair -> Map.of(outer, pair.id(), inner.get().name(), pair.innerId()));
        }
        return Combinators.combine(parameters.stream().map(p -> pathValue(operation, p)
                .map(v -> Map.entry(p.name(), v))).toList())
                .as(entries -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return map;
                });
    }

    private Arbitrary<String> pathValue(Operation operation, Parameter parameter) {
        String[] segments = operation.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter.name() + "}")) {
                List<String> ids = fixture.idsAfter(segments[i - 1]);
                if (!ids.isEmpty()) {
                    return Arbitraries.of(ids);
                }
            }
        }
        return string(parameter.name(), parameter.schema()).map(RequestArbitraries::encode);
    }

    private Arbitrary<String> queryValue(Parameter parameter) {
        JsonNode schema = api.resolve(parameter.schema());
        if (schema.path("type").asText().equals("array")) {
            return scalar(parameter.name(), schema.path("items")).list().ofMinSize(1).ofMaxSize(3)
                    .map(values -> encode(String.join(",", values)));
        }
        return scalar(parameter.name(), schema).map(RequestArbitraries::encode);
    }

    private Arbitrary<String> headerValue(Parameter parameter) {
        return switch (parameter.name().toLowerCase(Locale.ROOT)) {
            case "if-match" -> Arbitraries.integers().between(0, 5).map(v -> "\"" + v + "\"");
            case "idempotency-key" -> Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(20)
                    .map(key -> "fuzz-" + key);
            default -> string(parameter.name(), parameter.schema());
        };
    }

    /** A scalar parameter's value as text. */
    private Arbitrary<String> scalar(String name, JsonNode schema) {
        return value(name, schema, 1).map(node -> node.isTextual() ? node.asText() : node.toString());
    }

    private Arbitrary<JsonNode> value(String name, JsonNode rawSchema, int depth) {
        JsonNode schema = api.resolve(rawSchema);
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        return switch (type) {
            case "object" -> schema.has("properties") ? object(schema, depth) : untypedObject(depth);
            case "array" -> value(name, schema.path("items"), depth + 1).list().ofMaxSize(3).map(items -> {
                ArrayNode array = NODES.arrayNode();
                items.forEach(array::add);
                return array;
            });
            case "integer" -> integer(name).map(NODES::numberNode);
            case "number" -> number(name).map(NODES::numberNode);
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            default -> string(name, schema).map(NODES::textNode);
        };
    }

    private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> fields = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(property -> fields.add(
                value(property.getKey(), property.getValue(), depth + 1)
                        .map(v -> Optional.of(Map.entry(property.getKey(), v)))
                        .injectNull(required.contains(property.getKey()) ? 0 : 0.25)));
        return Combinators.combine(fields).as(entries -> {
            ObjectNode object = NODES.objectNode();
            entries.stream().filter(e -> e != null).forEach(e -> object.set(e.get().getKey(), e.get().getValue()));
            return object;
        });
    }

    /** A body the description gives no shape to: fields drawn from every request body's properties. */
    private Arbitrary<JsonNode> untypedObject(int depth) {
        if (depth > 0 || requestProperties.isEmpty()) {
            return Arbitraries.just(NODES.objectNode());
        }
        return Arbitraries.of(List.copyOf(requestProperties.keySet())).set().ofMinSize(1).ofMaxSize(4)
                .flatMap(names -> Combinators.combine(names.stream()
                                .map(n -> value(n, requestProperties.get(n), 1).map(v -> Map.entry(n, v))).toList())
                        .as(entries -> {
                            ObjectNode object = NODES.objectNode();
                            entries.forEach(e -> object.set(e.getKey(), e.getValue()));
                            return object;
                        }));
    }

    private Arbitrary<String> string(String name, JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date") || name.equals("validFrom") || name.equals("on")) {
            return Arbitraries.integers().between(-400, 400).map(days -> LocalDate.now().plusDays(days).toString());
        }
        if (format.equals("date-time") || List.of("from", "to", "asOf").contains(name)) {
            return Arbitraries.integers().between(-2000, 2000)
                    .map(hours -> Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(hours, ChronoUnit.HOURS).toString());
        }
        Optional<Arbitrary<String>> known = byName(name);
        if (known.isPresent()) {
            return known.get();
        }
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').withChars(" éÉ-'")
                .ofMinLength(1).ofMaxLength(20);
        return schema.has("example")
                ? Arbitraries.oneOf(Arbitraries.just(schema.get("example").asText()), text) : text;
    }

    /** Values for the fields whose names say what they hold. */
    private Optional<Arbitrary<String>> byName(String name) {
        String year = String.valueOf(Year.now().getValue());
        Arbitrary<String> users = Arbitraries.of(fixture.users());
        return Optional.ofNullable(switch (name) {
            case "accountId", "toAccountId" -> Arbitraries.of(fixture.accounts());
            case "contactId", "linkedContactId", "primaryContactId" ->
                    Arbitraries.of(fixture.contacts().stream().map(Pair::innerId).toList());
            case "opportunityId" -> Arbitraries.of(fixture.deals().stream().map(Pair::id).toList());
            case "leadId" -> Arbitraries.of(fixture.leads());
            case "duplicateId", "otherId", "recordId" -> Arbitraries.of(Stream.concat(fixture.leads().stream(),
                    fixture.accounts().stream()).toList());
            case "productId" -> Arbitraries.of(fixture.products().stream().map(Pair::id).toList());
            case "priceId" -> Arbitraries.of(fixture.products().stream().map(Pair::innerId).toList());
            case "ownerId", "successorId", "assigneeId", "toUserId" ->
                    Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(fixture.owners())), Tuple.of(1, users));
            case "managerId" -> Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(fixture.managers())),
                    Tuple.of(1, users));
            case "userId" -> Arbitraries.frequencyOf(Tuple.of(1, users), Tuple.of(2, Arbitraries.strings()
                    .withCharRange('a', 'z').ofMinLength(4).ofMaxLength(10).map(s -> "fuzz-" + s)));
            case "territoryId", "ruleId" -> Arbitraries.strings().withCharRange('a', 'z').ofLength(8)
                    .map(s -> "fuzz-" + s);
            case "erpId" -> Arbitraries.integers().between(1, 99999).map(n -> "ERP-" + n);
            case "email", "emails" -> Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                    .map(s -> s + "@example.fr");
            case "phone", "phones" -> Arbitraries.of("+33 6 12 34 56 78", "04 72 00 00 00", "0033472000000");
            case "country" -> Arbitraries.of("FR", "DE", "GB");
            case "currency" -> Arbitraries.of("EUR", "USD", "GBP");
            case "postalCode" -> Arbitraries.of("69002", "75001", "SW1A 1AA");
            case "postalCodePrefix" -> Arbitraries.of("69", "75");
            case "nafCode" -> Arbitraries.of("62.01Z", "36.00Z", "6201z");
            case "nafCodePrefix" -> Arbitraries.of("62", "36.0");
            case "companySize" -> Arbitraries.of("MICRO", "SMALL", "MEDIUM", "INTERMEDIATE", "LARGE");
            case "website" -> Arbitraries.of("https://example.fr", "www.example.com/path");
            case "siren", "registration" -> Arbitraries.of("732829320", "552100554");
            case "siret" -> Arbitraries.of("73282932000074", "55210055400013");
            case "password" -> Arbitraries.strings().alpha().ofLength(16).map(s -> "pw-" + s);
            case "stage" -> Arbitraries.of("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION");
            case "priceList" -> Arbitraries.of("STANDARD", "PARTNERS");
            case "period" -> Arbitraries.of(year, year + "-Q1", year + "-03");
            case "sort" -> Arbitraries.of("capturedAt,desc", "lastName,asc", "company", "status,desc");
            case "order" -> Arbitraries.of("asc", "desc");
            default -> null;
        });
    }

    private static Arbitrary<Integer> integer(String name) {
        return switch (name) {
            case "page" -> Arbitraries.integers().between(0, 3);
            case "size" -> Arbitraries.integers().between(1, 50);
            case "priority" -> Arbitraries.integers().between(0, 10_000);
            case "headcount" -> Arbitraries.integers().between(0, 5000);
            default -> Arbitraries.integers().between(1, 60);
        };
    }

    private static Arbitrary<BigDecimal> number(String name) {
        return switch (name) {
            case "rate" -> Arbitraries.bigDecimals().between(new BigDecimal("0.5"), new BigDecimal("2")).ofScale(4);
            case "discountPercent", "ourShare" -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100"))
                    .ofScale(1);
            case "minScore" -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2);
            case "quantity" -> Arbitraries.bigDecimals().between(BigDecimal.ONE, BigDecimal.TEN).ofScale(0);
            default -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2);
        };
    }

    // ---- mutations

    private Arbitrary<Mutation> mutation(Draft draft) {
        List<Tuple.Tuple2<Integer, Arbitrary<? extends Mutation>>> kinds = new ArrayList<>();
        List<Field> fields = fields(draft);
        if (!fields.isEmpty()) {
            kinds.add(Tuple.of(8, fieldMutation(fields)));
        }
        if (draft.operation.hasBody()) {
            kinds.add(Tuple.of(3, wholeBody()));
        }
        if (!draft.pathValues.isEmpty()) {
            kinds.add(Tuple.of(3, pathMutation(draft)));
        }
        kinds.add(Tuple.of(draft.operation.in("query").isEmpty() ? 1 : 3, queryMutation(draft)));
        kinds.add(Tuple.of(3, headerMutation(draft)));
        kinds.add(Tuple.of(1, Arbitraries.of(METHODS).filter(m -> !m.equals(draft.operation.method()))
                .map(m -> new Mutation("method " + m, d -> d.method = m))));
        kinds.add(Tuple.of(1, Arbitraries.of("/", "/zzz", "//", "/./", "/%2e%2e/x", ";jsessionid=x", ".json")
                .map(s -> new Mutation("path suffix " + s, d -> d.pathSuffix = s))));
        return Arbitraries.frequencyOf(kinds.toArray(Tuple.Tuple2[]::new));
    }

    /** A field of a body: its path (one level of nesting at most) and its schema, missing when unknown. */
    private record Field(List<String> path, JsonNode schema) {
    }

    /** The draft body's fields (one level of nesting) and the schema's top-level properties. */
    private List<Field> fields(Draft draft) {
        List<List<String>> paths = new ArrayList<>();
        if (draft.body instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                paths.add(List.of(field.getKey()));
                if (field.getValue() instanceof ObjectNode nested) {
                    nested.fieldNames().forEachRemaining(n -> paths.add(List.of(field.getKey(), n)));
                }
            });
        }
        api.resolve(draft.operation.bodySchema()).path("properties").fieldNames().forEachRemaining(name -> {
            if (!paths.contains(List.of(name))) {
                paths.add(List.of(name));
            }
        });
        return paths.stream().map(path -> new Field(path, schemaAt(draft.operation, path))).toList();
    }

    private JsonNode schemaAt(Operation operation, List<String> path) {
        JsonNode schema = api.resolve(operation.bodySchema());
        for (String name : path) {
            JsonNode property = schema.path("properties").path(name);
            schema = api.resolve(property.isMissingNode() && schema == api.resolve(operation.bodySchema())
                    ? requestProperties.getOrDefault(name, property) : property);
        }
        return schema;
    }

    /**
     * Replaces, removes or adds a field. Two replacements in three keep the field's JSON type (a hostile string
     * for a string, an extreme number for a number, an extreme date for a date), so that they pass the
     * binding and reach the domain and the events; the others may be of any type.
     */
    private Arbitrary<Mutation> fieldMutation(List<Field> fields) {
        Arbitrary<String> anyToken = Arbitraries.oneOf(
                Arbitraries.of(Nasty.STRING_LITERALS),
                Arbitraries.of(Nasty.NUMBER_TOKENS),
                Arbitraries.of(Nasty.DATES).map(RequestArbitraries::quoted),
                Arbitraries.of(Nasty.INSTANTS).map(RequestArbitraries::quoted),
                Arbitraries.of("[]", "{}", "true", "null", "[\"a\", 1]", "{\"a\": {\"b\": 1}}", "\"1\"", "12"),
                Arbitraries.of(fixture.allIds()).map(RequestArbitraries::quoted),
                Arbitraries.of("../", "x".repeat(10_000), "00000000-0000-0000-0000-000000000000", "admin")
                        .map(RequestArbitraries::quoted));
        Arbitrary<String> how = Arbitraries.frequency(Tuple.of(4, "replace"), Tuple.of(1, "remove"),
                Tuple.of(1, "unknown sibling"));
        return Arbitraries.of(fields).flatMap(field -> Combinators.combine(how, Arbitraries.frequencyOf(
                Tuple.of(1, anyToken), Tuple.of(2, typedToken(field.schema())))).as((change, value) -> {
                    List<String> path = field.path();
                    return switch (change) {
                        case "remove" -> new Mutation("remove " + String.join(".", path),
                                d -> parent(d, path).ifPresent(o -> o.remove(last(path))));
                        case "unknown sibling" -> new Mutation("unknown field beside " + String.join(".", path),
                                d -> parent(d, path).ifPresent(o -> o.putRawValue("zzUnknown", new RawValue(value))));
                        default -> new Mutation(String.join(".", path) + " = " + abbreviated(value),
                                d -> parent(d, path).ifPresent(o -> o.putRawValue(last(path), new RawValue(value))));
                    };
                }));
    }

    private static Arbitrary<String> typedToken(JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            return Arbitraries.of(Nasty.DATES).map(RequestArbitraries::quoted);
        }
        if (format.equals("date-time")) {
            return Arbitraries.of(Nasty.INSTANTS).map(RequestArbitraries::quoted);
        }
        return switch (schema.path("type").asText("")) {
            case "number", "integer" -> Arbitraries.of(Nasty.NUMBER_TOKENS);
            case "array" -> Arbitraries.of(Nasty.STRING_LITERALS).map(literal -> "[" + literal + "]");
            default -> Arbitraries.of(Nasty.STRING_LITERALS);
        };
    }

    private static Optional<ObjectNode> parent(Draft draft, List<String> path) {
        if (!(draft.body instanceof ObjectNode)) {
            draft.body = NODES.objectNode();
        }
        JsonNode node = draft.body;
        for (String name : path.subList(0, path.size() - 1)) {
            node = node.path(name);
        }
        return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }

    private Arbitrary<Mutation> wholeBody() {
        Arbitrary<Mutation> replaced = Arbitraries.of("[]", "\"x\"", "42", "null", "", "{}", "[{}]", " ",
                        "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))
                .map(text -> new Mutation("body " + abbreviated(text), d -> d.bodyText = text));
        Arbitrary<Mutation> sloppy = Arbitraries.of(Nasty.SLOPPY_JSON)
                .map(how -> new Mutation("sloppy JSON: " + how, d -> d.bodyText = spoil(how, d.text())));
        Arbitrary<Mutation> none = Arbitraries.just(new Mutation("no body", d -> {
            d.body = null;
            d.bodyText = null;
        }));
        return Arbitraries.oneOf(replaced, sloppy, none);
    }

    private static String spoil(String how, String text) {
        String json = text == null || text.isEmpty() ? "{\"a\": 1}" : text;
        String inner = json.startsWith("{") && json.length() > 2 ? json.substring(1, json.length() - 1) : "\"a\": 1";
        return switch (how) {
            case "trailing garbage" -> json + "}x";
            case "duplicate key" -> "{" + inner + ", " + inner + "}";
            case "comment" -> "/* c */ " + json;
            case "single quotes" -> json.replace('"', '\'');
            case "trailing comma" -> "{" + inner + ",}";
            case "truncated" -> json.substring(0, json.length() / 2);
            case "byte order mark" -> "\ufeff" + json;
            case "NaN" -> "{" + inner + ", \"amount\": NaN}";
            case "leading zeros" -> "{" + inner + ", \"amount\": 007}";
            case "two documents" -> json + " " + json;
            case "deep nesting" -> "{\"a\": " + "[".repeat(2000) + "]".repeat(2000) + "}";
            default -> "";
        };
    }

    private Arbitrary<Mutation> pathMutation(Draft draft) {
        List<String> names = List.copyOf(draft.pathValues.keySet());
        Arbitrary<String> bad = Arbitraries.oneOf(Arbitraries.of(Nasty.PATH_IDS), Arbitraries.of(fixture.allIds()));
        return Combinators.combine(Arbitraries.of(names), bad).as((name, value) ->
                new Mutation("{" + name + "} = " + abbreviated(value), d -> d.pathValues.put(name, value)));
    }

    private Arbitrary<Mutation> queryMutation(Draft draft) {
        List<String> names = new ArrayList<>(draft.operation.in("query").stream().map(Parameter::name).toList());
        names.addAll(List.of("zzUnknown", "page", "size", "sort"));
        Arbitrary<String> bad = Arbitraries.oneOf(
                Arbitraries.of(Nasty.PATH_IDS),
                Arbitraries.of(Nasty.NUMBER_TOKENS).map(RequestArbitraries::encode),
                Arbitraries.of(Nasty.DATES).map(RequestArbitraries::encode),
                Arbitraries.of(Nasty.INSTANTS).map(RequestArbitraries::encode),
                Arbitraries.of("", "%20", "x".repeat(10_000), "foo,asc", "lastName,sideways", ",", "lastName,asc,desc",
                        "lastName;drop%20table%20x", "true", "yes", "%00", "a%2Cb", "99999999999999999999"));
        return Combinators.combine(Arbitraries.of(names), bad, Arbitraries.of(true, false)).as((name, value, add) ->
                new Mutation((add ? "add " : "set ") + name + "=" + abbreviated(value), d -> {
                    if (!add) {
                        d.query.removeIf(q -> q[0].equals(name));
                    }
                    d.query.add(new String[] {name, value});
                }));
    }

    private Arbitrary<Mutation> headerMutation(Draft draft) {
        Arbitrary<Mutation> ifMatch = Arbitraries.of(Nasty.IF_MATCH).map(v -> header("If-Match", v));
        Arbitrary<Mutation> idempotency = Arbitraries.of(Nasty.IDEMPOTENCY_KEYS).map(v -> header("Idempotency-Key", v));
        Arbitrary<Mutation> contentType = Arbitraries.of(Nasty.CONTENT_TYPES).map(v -> new Mutation(
                "Content-Type: " + v, d -> {
                    d.contentType = v;
                    if (d.body == null && d.bodyText == null) {
                        d.bodyText = "{}";
                    }
                }));
        Arbitrary<Mutation> noContentType = Arbitraries.just(new Mutation("no Content-Type", d -> d.contentType = null));
        Arbitrary<Mutation> accept = Arbitraries.of(Nasty.ACCEPTS).map(v -> header("Accept", v));
        Arbitrary<Mutation> requestId = Arbitraries.of(Nasty.REQUEST_IDS).flatMap(v -> Arbitraries.of(
                header("X-Request-Id", v), header("traceparent", v)));
        Arbitrary<Mutation> authorization = Arbitraries.of(Nasty.AUTHORIZATIONS).map(v -> new Mutation(
                "Authorization: " + abbreviated(v), d -> {
                    d.caller = fixture.callers().get(fixture.callers().size() - 1);
                    d.headers.put("Authorization", v);
                }));
        return draft.operation.hasBody()
                ? Arbitraries.oneOf(ifMatch, idempotency, contentType, noContentType, accept, requestId, authorization)
                : Arbitraries.oneOf(ifMatch, idempotency, contentType, accept, requestId, authorization);
    }

    private static Mutation header(String name, String value) {
        return new Mutation(name + ": " + abbreviated(value), d -> d.headers.put(name, value));
    }

    private static String last(List<String> path) {
        return path.get(path.size() - 1);
    }

    private static String quoted(String text) {
        return NODES.textNode(text).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        return FuzzRequest.readable(text.length() > 60 && !FuzzRequest.readable(text).contains("⟨")
                ? text.substring(0, 60) + "…" : text);
    }
}
