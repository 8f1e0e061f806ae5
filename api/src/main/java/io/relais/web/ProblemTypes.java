package io.relais.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Builds RFC 9457 problems. The {@code type} is {@code urn:relais:problem:<code>}, where the code is the
 * stable name of the error; {@code field} names the input at fault and {@code errors} lists every fault.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:relais:problem:";

    private ProblemTypes() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PREFIX + code));
        problem.setTitle(title);
        return problem;
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
