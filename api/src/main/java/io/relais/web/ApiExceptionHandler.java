package io.relais.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.relais.common.DomainException;
import io.relais.common.Refusal;
import io.relais.messaging.RefusingCommandBus;
import io.relais.register.RegisterUnavailableException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns every failure into an RFC 9457 problem with a stable type. Only server faults answer 5xx. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Jackson marks a duplicate key (with strict duplicate detection) only by this message. */
    private static final String DUPLICATE = "Duplicate field '";

    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException e) {
        return problem(e.refusal());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        return RefusingCommandBus.refusal(e).map(ApiExceptionHandler::problem).orElseGet(() -> unexpected(e));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemTypes.fieldProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "id", e.getMessage());
    }

    /** A profile check in a controller (method security); the filter chain answers the others itself. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return ProblemTypes.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your profile does not allow this");
    }

    @ExceptionHandler(RetryDiffersException.class)
    ProblemDetail retryDiffers(RetryDiffersException e) {
        return ProblemTypes.fieldProblem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.title(), e.field(),
                e.getMessage());
    }

    /** A body over the limit, told by its Content-Length ({@link RequestLimitsFilter}) or found while reading it. */
    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail payloadTooLarge(PayloadTooLargeException e) {
        return ProblemTypes.fieldProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                "body", e.getMessage());
    }

    /** A multipart form that cannot be read: no boundary, cut short, or no multipart at all. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableForm(MultipartException e) {
        return ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body", "body",
                "The multipart form cannot be read: its parts and their boundary must be as RFC 7578 says");
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ProblemTypes.problem(HttpStatus.TOO_MANY_REQUESTS, e.code(), "Too many requests",
                        e.getMessage()));
    }

    /** A service the engine relies on (the company register) cannot answer: the request may be sent again later. */
    @ExceptionHandler(RegisterUnavailableException.class)
    ProblemDetail registerUnavailable(RegisterUnavailableException e) {
        log.warn("The company register is unavailable: {}", e.getMessage());
        return ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "register-unavailable", "Register unavailable",
                "The company register cannot answer now; try again later");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                ProblemTypes.INTERNAL_ERROR_DETAIL);
    }

    private static ProblemDetail problem(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID_FIELD -> ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, refusal.code(), "Invalid field",
                    refusal.field(), refusal.message());
            case STALE_VERSION -> ProblemTypes.fieldProblem(HttpStatus.CONFLICT, refusal.code(), "Stale version",
                    refusal.field(), refusal.message());
            case NOT_FOUND -> ProblemTypes.fieldProblem(HttpStatus.NOT_FOUND, refusal.code(), "Not found",
                    refusal.field(), refusal.message());
            case FORBIDDEN -> ProblemTypes.fieldProblem(HttpStatus.FORBIDDEN, refusal.code(), "Forbidden",
                    refusal.field(), refusal.message());
            case CONFLICT -> ProblemTypes.fieldProblem(HttpStatus.CONFLICT, refusal.code(), "Conflict",
                    refusal.field(), refusal.message());
            case CONCURRENT_MODIFICATION -> ProblemTypes.problem(HttpStatus.CONFLICT, refusal.code(),
                    "Concurrent modification", refusal.message());
            case INCOMPLETE -> {
                ProblemDetail problem = ProblemTypes.fieldProblem(HttpStatus.UNPROCESSABLE_ENTITY, refusal.code(),
                        "Incomplete record", refusal.field(), refusal.message());
                problem.setProperty("errors", refusal.missingFields().stream()
                        .map(missing -> ProblemTypes.error(missing, refusal.code(), missing + " is missing")).toList());
                problem.setProperty("missingFields", refusal.missingFields());
                yield problem;
            }
            case INVALID_TRANSITION -> {
                ProblemDetail problem = ProblemTypes.problem(HttpStatus.CONFLICT, refusal.code(), "Invalid transition",
                        refusal.message());
                problem.setProperty("field", refusal.field());
                problem.setProperty("currentStatus", refusal.currentState());
                yield problem;
            }
        };
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem;
        Throwable cause = e.getCause();
        JsonParseException duplicate = duplicateKey(cause);
        if (cause instanceof PayloadTooLargeException tooLarge) {
            problem = payloadTooLarge(tooLarge);
        } else if (cause instanceof UnstorableTextException unstorable) {
            String field = unstorable.getPath().isEmpty() ? "body" : path(unstorable);
            problem = ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "invalid-characters", "Invalid characters",
                    field, field + " " + unstorable.reason());
        } else if (duplicate != null) {
            String field = duplicate.getProcessor() == null ? "body"
                    : path(duplicate.getProcessor().getParsingContext());
            problem = ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "duplicate-field", "Duplicate field", field,
                    "The field '" + field + "' appears more than once");
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "unknown-field", "Unknown field",
                    path(unknown), "Unknown field '" + unknown.getPropertyName() + "'");
        } else if (cause instanceof InvalidFormatException invalid) {
            problem = ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value",
                    path(invalid), describe(invalid));
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem = ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value",
                    path(mapping), "The value of '" + path(mapping) + "' has the wrong type");
        } else if (cause instanceof JsonMappingException) {
            problem = ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid body", "body",
                    "The request body must be exactly one JSON object");
        } else if (cause instanceof JsonProcessingException) {
            problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON");
        } else {
            problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body",
                    "The request body is missing or cannot be read");
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "required",
                "Missing parameter", e.getParameterName(), "The parameter " + e.getParameterName() + " is required"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String detail = "'" + e.getValue() + "' is not a valid value for " + name;
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            detail += "; expected one of " + enumValues(e.getRequiredType());
        }
        return ResponseEntity.badRequest()
                .body(ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                        name, detail));
    }

    /** Gives Spring MVC's own problems (405, 415, missing parameter …) a stable type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create(ProblemTypes.PREFIX + ProblemTypes.code(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** The duplicate key the parser found, also when it was reading a record's property (which wraps it). */
    private static JsonParseException duplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse && parse.getOriginalMessage().startsWith(DUPLICATE)) {
                return parse;
            }
        }
        return null;
    }

    private static String describe(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        String detail = "'" + e.getValue() + "' is not a valid value for '" + path(e) + "'";
        if (target != null && target.isEnum()) {
            return detail + "; expected one of " + enumValues(target);
        }
        return target == null ? detail : detail + " (expected " + target.getSimpleName() + ")";
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String path(JsonMappingException e) {
        return path(e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]"));
    }

    /** Where the parser was: {@code a.b} at the second {@code b} of {@code {"a": {"b": 1, "b": 2}}}. */
    private static String path(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            segments.addFirst(at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.getCurrentName());
        }
        return segments.isEmpty() ? "body" : path(segments.stream());
    }

    private static String path(Stream<String> segments) {
        return segments.collect(Collectors.joining(".")).replace(".[", "[");
    }
}
