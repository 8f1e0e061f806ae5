package io.relais.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds RFC 9457 problems. The {@code type} is {@code urn:relais:problem:<code>}, where the code is the
 * stable name of the error; {@code field} names the input at fault and {@code errors} lists every fault.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:relais:problem:";
    static final String INTERNAL_ERROR_DETAIL = "The request failed on the server; it has been logged";

    private ProblemTypes() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PREFIX + code));
        problem.setTitle(title);
        return problem;
    }

    /**
     * The problem for a bare HTTP status, as the server itself answers it (Tomcat, Spring MVC): its code is
     * the status's name ({@code method-not-allowed}), except 500, which is {@code internal-error}.
     */
    public static ProblemDetail forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "HTTP " + status.value() : known.getReasonPhrase();
        return problem(status, code(status), reason, switch (status.value()) {
            case 400 -> "The request could not be read: a malformed URL, request line or header, or a request line "
                    + "and headers larger than the limit";
            case 404 -> "Nothing exists at this URL";
            case 500 -> INTERNAL_ERROR_DETAIL;
            default -> reason;
        });
    }

    /** The code of a bare HTTP status: see {@link #forStatus}. */
    public static String code(HttpStatusCode status) {
        if (status.value() == 500) {
            return "internal-error";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ProblemDetail fieldProblem(HttpStatusCode status, String code, String title, String field,
                                             String detail) {
        ProblemDetail problem = problem(status, code, title, detail);
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(error(field, code, detail)));
        }
        return problem;
    }

    /** One entry of a problem's {@code errors}: an input at fault, why, in words. */
    public static Map<String, String> error(String field, String code, String detail) {
        return Map.of("field", field, "code", code, "detail", detail);
    }
}
