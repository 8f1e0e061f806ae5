package io.relais.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The success answers of every route in the API description, as the route gives them: springdoc sees only the
 * return type, so it would promise 200 where a creation answers 201 and where a write answers 202 because the read
 * model has not caught up. A route that returns its value answers 200; one that returns a {@link ResponseEntity}
 * answers as {@link RecordEndpoint} does (a read: 200 with the ETag, or a file streamed, 200 with its
 * Content-Disposition; a creation, the POST that takes an
 * {@link IdempotencyKey}: 201 with Location and ETag, or 202; another write: 200 with the ETag, or 202); any other
 * route lists its answers with {@link Answer}.
 */
@Component
class SuccessAnswers implements OperationCustomizer {

    private static final Map<String, Header> HEADERS = Map.of(
            HttpHeaders.ETAG, new Header().description("The record's version, for If-Match on a later change")
                    .schema(new StringSchema().example("\"3\"")),
            HttpHeaders.LOCATION, new Header().description("Where the record is read (after a web form's post: the "
                    + "page the browser goes to)")
                    .schema(new StringSchema().format("uri-reference")),
            HttpHeaders.CONTENT_DISPOSITION, new Header().description("The file's name: attachment; filename=…")
                    .schema(new StringSchema()));
    private static final Map<Integer, String> MEANINGS = Map.of(
            200, "The record as it is now",
            201, "Created: the new record, read at Location",
            202, "Accepted, but the read model did not show it within the read-your-writes bound: read Location "
                    + "a little later",
            204, "Done");

    /** One success answer: its status, the headers it always carries and those it may carry. */
    private record Success(int status, Set<String> headers, Set<String> mayCarry, boolean body, String meaning) {

        static Success of(Answer answer) {
            return new Success(answer.status(), Set.of(answer.headers()), Set.of(), answer.body(),
                    answer.description().isEmpty() ? MEANINGS.get(answer.status()) : answer.description());
        }
    }

    private static final String UNSEEN = " (without it when the write took the record out of your sight)";
    private static final Success READ = new Success(200, Set.of(HttpHeaders.ETAG), Set.of(), true,
            MEANINGS.get(200));
    private static final Success WRITTEN = new Success(200, Set.of(HttpHeaders.ETAG), Set.of(), true,
            MEANINGS.get(200) + UNSEEN);
    private static final Success CREATED = new Success(201, Set.of(HttpHeaders.LOCATION, HttpHeaders.ETAG), Set.of(),
            true, MEANINGS.get(201) + UNSEEN);
    /** A file streamed (a list's export): text, whatever type the handler streams it with. */
    private static final Success FILE = new Success(200, Set.of(HttpHeaders.CONTENT_DISPOSITION), Set.of(), true,
            "The file");
    private static final Success PENDING = new Success(202, Set.of(HttpHeaders.LOCATION), Set.of(HttpHeaders.ETAG),
            false, MEANINGS.get(202));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        List<Success> answers = answers(handler);
        if (answers.isEmpty()) {
            return operation;
        }
        ApiResponses responses = operation.getResponses();
        ApiResponse derived = responses.remove("200");
        Content body = derived == null ? null : derived.getContent();
        for (Success answer : answers) {
            ApiResponse response = new ApiResponse().description(answer.meaning());
            if (answer.body() && body != null) {
                if (answer == FILE) {
                    body.values().forEach(type -> type.setSchema(new StringSchema()));
                }
                response.content(body);
            }
            answer.headers().forEach(name -> response.addHeaderObject(name, required(HEADERS.get(name))));
            answer.mayCarry().forEach(name -> response.addHeaderObject(name, HEADERS.get(name)));
            responses.addApiResponse(String.valueOf(answer.status()), response);
        }
        return operation;
    }

    private static List<Success> answers(HandlerMethod handler) {
        Set<Answer> declared = AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                Answer.class, Answer.List.class);
        if (!declared.isEmpty()) {
            return declared.stream().map(Success::of).toList();
        }
        if (!ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
            return List.of();
        }
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), GetMapping.class)) {
            boolean file = ResolvableType.forMethodReturnType(handler.getMethod()).getGeneric(0)
                    .resolve() == StreamingResponseBody.class;
            return List.of(file ? FILE : READ);
        }
        boolean creation = Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == IdempotencyKey.class);
        return creation ? List.of(CREATED, PENDING) : List.of(WRITTEN, PENDING);
    }

    private static Header required(Header header) {
        return new Header().description(header.getDescription()).schema(header.getSchema()).required(true);
    }
}
