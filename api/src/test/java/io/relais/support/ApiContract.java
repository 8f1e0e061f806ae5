package io.relais.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks every answer the end-to-end tests get against the OpenAPI description the engine serves, so that the
 * description stays what generated clients can trust: statuses, content types, bodies with their nullability
 * and required fields, headers. Requests are not checked (tests send bad ones on purpose), nor answers to paths
 * and methods the description does not list (actuator endpoints, probes of unknown routes, paths with a trailing
 * slash, which the validator would take for the path without), nor successes
 * negotiated to a type other than JSON.
 * <p>
 * A mismatch fails the test that met it; with {@code -Drelais.contract.record=FILE} it is appended to that
 * file instead, to survey a whole run, and the description checked against is written to FILE.openapi.json.
 */
final class ApiContract {

    private static final Set<String> NOT_DESCRIBED = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");
    private static final Pattern MEDIA_RANGES_OF_JSON =
            Pattern.compile("(^|[,\\s])(application/json|\\*/\\*|application/\\*)");
    private static final String RECORD = System.getProperty("relais.contract.record", "");
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private ApiContract() {
    }

    static void check(HttpClient client, String base, String method, String path, HttpResponse<String> response) {
        Request.Method verb;
        try {
            verb = Request.Method.valueOf(method);
        } catch (IllegalArgumentException notInOpenApi) {
            return;
        }
        if (response.statusCode() < 300 && !acceptsJson(response.request())) {
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        // no line is a whole JSON Lines answer (an export of an empty list), which the validator takes for none
        boolean noLines = response.body().isEmpty() && response.headers().firstValue("Content-Type")
                .filter(type -> type.startsWith("application/x-ndjson")).isPresent();
        String pathOnly = URI.create(base + path).getRawPath();
        if (pathOnly.endsWith("/")) {
            return;
        }
        ValidationReport report = validator(client, base).validateResponse(pathOnly, verb, answer.build());
        String mismatches = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !NOT_DESCRIBED.contains(message.getKey()))
                .filter(message -> !(noLines && message.getKey().equals("validation.response.body.missing")))
                .map(message -> message.getKey() + ": " + String.join(" / ", message.getContext()
                        .flatMap(context -> context.getPointers().map(pointers -> pointers.getInstance()))
                        .stream().toList()) + " " + message.getMessage())
                .collect(Collectors.joining("\n  "));
        if (mismatches.isEmpty()) {
            return;
        }
        String finding = method + " " + pathOnly + " -> " + response.statusCode() + "\n  " + mismatches;
        if (RECORD.isEmpty()) {
            throw new AssertionError("The answer differs from the OpenAPI description: " + finding
                    + "\n  body: " + abbreviate(response.body()));
        }
        record(finding + "\n  body: " + abbreviate(response.body()));
    }

    /**
     * Whether the request admits the JSON the description promises. A success negotiated to another type is
     * outside the description: the engine labels its JSON with the type asked for ({@code Accept:
     * application/problem+json} gets a record as {@code application/problem+json}).
     */
    private static boolean acceptsJson(HttpRequest request) {
        String accept = request.headers().firstValue("Accept").orElse("*/*");
        return MEDIA_RANGES_OF_JSON.matcher(accept).find() || !accept.contains("/");
    }

    private static OpenApiInteractionValidator validator(HttpClient client, String base) {
        return VALIDATORS.computeIfAbsent(base, key -> {
            try {
                String description = client.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (!RECORD.isEmpty()) {
                    Files.writeString(Path.of(RECORD + ".openapi.json"), description, StandardCharsets.UTF_8);
                }
                return OpenApiInteractionValidator.createForInlineApiSpecification(description).build();
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the OpenAPI description at " + base, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static synchronized void record(String finding) {
        try {
            Files.writeString(Path.of(RECORD), finding + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("Could not record a contract mismatch in " + RECORD, e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
