package io.relais.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.List;

/**
 * Answers 401, 429 (too many failed sign-ins), 403 (a profile's limits, a session's change without its CSRF
 * token) and the requests the firewall rejects as RFC 9457 problems,
 * like every other error.
 */
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    /** The methods Spring Security's {@code StrictHttpFirewall} lets through by default. */
    private static final List<String> FIREWALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");

    private final ObjectMapper json;
    private final String challenge;

    ProblemSecurityResponses(ObjectMapper json, String challenge) {
        this.json = json;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            write(response, ProblemTypes.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-failures",
                    "Too many failed sign-ins", "Too many failed sign-ins for this user or from this address: "
                            + "try again after " + throttled.retryAfterSeconds() + " s"));
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(response, ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "Sign in: the request has no valid credentials"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(response, ProblemTypes.problem(HttpStatus.FORBIDDEN, "invalid-csrf-token", "Invalid CSRF token",
                    "A change made with the console's session must send the " + BrowserSessions.CSRF_COOKIE
                            + " cookie's value as the X-XSRF-TOKEN header; sign in again if it has expired"));
            return;
        }
        write(response, ProblemTypes.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your profile does not allow this"));
    }

    /**
     * A URL the firewall refuses (an encoded slash, "//", "..") is the client's error, like any bad input; so is
     * a method it refuses (TRACE, or one HTTP does not define), checked first.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        if (!FIREWALL_METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", FIREWALL_METHODS));
            write(response, ProblemTypes.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "Method not allowed", "The method " + request.getMethod() + " is not supported"));
            return;
        }
        write(response, ProblemTypes.fieldProblem(HttpStatus.BAD_REQUEST, "rejected-url", "Rejected URL", "path",
                "The request URL is not acceptable (empty or dot segments, encoded slashes …)"));
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
