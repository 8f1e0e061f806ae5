package io.relais.security;

import io.relais.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;

/** Spring's CORS checks, refusing a request from an origin, method or header not allowed with a problem. */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemSecurityResponses problems;

    ProblemCorsProcessor(ProblemSecurityResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        problems.write(((ServletServerHttpResponse) response).getServletResponse(),
                ProblemTypes.fieldProblem(HttpStatus.FORBIDDEN, "origin-not-allowed", "Origin not allowed", "Origin",
                        "This page's origin, method or headers may not post here: the form allows other origins"));
    }
}
