package io.relais.web;

import io.relais.common.InvalidFieldException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Globals;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks what Tomcat does not, before anything else reads the request: a body over
 * {@code relais.api.max-body-size} is refused with 413 (at once when its Content-Length says so, otherwise as
 * soon as reading it passes the limit), and so are parameters Tomcat could not read (an undecodable %-escape, a
 * parameter without a name, more than {@code server.tomcat.max-parameter-count}), which it would otherwise
 * drop without a word. The refusals are answered by {@link ApiExceptionHandler}, like every other. Only with a
 * web server (the benchmark runs without one, and without Spring MVC's exception resolvers).
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimitsFilter extends OncePerRequestFilter {

    private final long maxBodySize;
    private final long maxUploadSize;
    private final HandlerExceptionResolver problems;

    RequestLimitsFilter(RequestLimitsProperties limits,
                        @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.maxBodySize = limits.maxBodySize().toBytes();
        this.maxUploadSize = limits.maxUploadSize().toBytes();
        this.problems = problems;
    }

    /**
     * Multipart forms as Tomcat parses them: up to the upload limit (also when the body's length is not said up
     * front: Tomcat reads the parts itself, past any wrapper), files beyond 1 MB kept on disk while read.
     */
    @Bean
    static MultipartConfigElement multipartConfigElement(RequestLimitsProperties limits) {
        long max = limits.maxUploadSize().toBytes();
        return new MultipartConfigElement("", max, max, (int) DataSize.ofMegabytes(1).toBytes());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBodySize = isMultipart(request) ? maxUploadSize : this.maxBodySize;
        long length = request.getContentLengthLong();
        if (length > maxBodySize) {
            problems.resolveException(request, response, null, new PayloadTooLargeException(maxBodySize));
        } else if (request.getQueryString() != null && parametersUnreadable(request)) {
            problems.resolveException(request, response, null, new InvalidFieldException("query", "rejected-url",
                    "The query string cannot be read: an undecodable %-escape, a parameter without a name, or too "
                            + "many parameters"));
        } else {
            chain.doFilter(length < 0 ? new LimitedBodyRequest(request, maxBodySize) : request, response);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean parametersUnreadable(HttpServletRequest request) {
        request.getParameterMap(); // makes Tomcat parse them
        return request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null;
    }

    /** A body of unknown length (chunked), cut off once it passes the limit. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedInputStream(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            try {
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(encoding);
            }
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
