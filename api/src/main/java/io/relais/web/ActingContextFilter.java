package io.relais.web;

import io.relais.common.InvalidFieldException;
import io.relais.messaging.ActingContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.Collections;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the acting user, the request's correlation id and the reason given for the change ({@link ChangeReason})
 * for everything the request dispatches, and returns the correlation id as {@code X-Request-Id}. A malformed
 * {@code Change-Reason} is refused before anything runs. The id is the caller's {@code X-Request-Id} when it
 * is a sane token, else the trace id of a W3C {@code traceparent}, else a new UUID. Runs late in the
 * filter chain so that authentication has already named the user.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class ActingContextFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String ANONYMOUS = "anonymous";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    /** Absent without Spring MVC (the benchmark runs the engine without a web server). */
    private final ObjectProvider<HandlerExceptionResolver> problems;

    ActingContextFilter(@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = correlationId(request);
        response.setHeader(REQUEST_ID_HEADER, correlationId);
        String user = request.getRemoteUser() == null ? ANONYMOUS : request.getRemoteUser();
        String changeReason;
        try {
            changeReason = ChangeReason.of(Collections.list(request.getHeaders(ChangeReason.HEADER))
                    .toArray(String[]::new));
        } catch (InvalidFieldException e) {
            problems.getObject().resolveException(request, response, null, e);
            return;
        }
        MDC.put("correlationId", correlationId);
        try {
            new ActingContext(user, null, correlationId, changeReason).call(() -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (ServletException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        } finally {
            MDC.remove("correlationId");
        }
    }

    static String correlationId(HttpServletRequest request) {
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            return requestId;
        }
        String traceparent = request.getHeader("traceparent");
        if (traceparent != null) {
            Matcher matcher = TRACEPARENT.matcher(traceparent.strip());
            if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
                return matcher.group(1);
            }
        }
        return UUID.randomUUID().toString();
    }
}
