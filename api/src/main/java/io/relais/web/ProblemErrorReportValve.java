package io.relais.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers the errors Tomcat finds before any servlet runs (a URL it cannot decode or normalise, a malformed
 * request line or header, a request line and headers over the size limit …) as RFC 9457 problems instead of
 * its HTML page. Errors inside the application go to {@link ProblemErrorController} instead.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    ProblemErrorReportValve(ObjectMapper json) {
        this.json = json;
    }

    /** The same guards as Tomcat's own report; then a problem for the status instead of the HTML page. */
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            String body = json.writeValueAsString(ProblemTypes.forStatus(HttpStatusCode.valueOf(status)));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over: nothing left to tell it
        }
    }
}
