package io.relais.web;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.RawHttp;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request, however broken, gets anything but an RFC 9457 problem: those Tomcat refuses before the
 * application sees them included (sent over a plain socket, since HTTP clients refuse to send most of them).
 * The limits for slow and broken clients hold.
 */
class HttpEdgesTest extends ApiTestSupport {

    private static final int MAX_BODY = 1024 * 1024;

    @Autowired
    private ServletWebServerApplicationContext context;

    static Stream<Arguments> requestsTomcatRefuses() {
        return Stream.of(
                Arguments.of("GET /api/v1/leads/..%2F..%2Fetc%2Fpasswd HTTP/1.1", 400, "bad-request"),
                Arguments.of("GET /api/v1/leads/%00 HTTP/1.1", 400, "bad-request"),
                Arguments.of("GET /api/v1/leads/%zz HTTP/1.1", 400, "bad-request"),
                Arguments.of("GET /api/v1/leads/a b HTTP/1.1", 400, "bad-request"),
                Arguments.of("GET /api/v1/leads/\u0001 HTTP/1.1", 400, "bad-request"),
                Arguments.of("GET /api/v1/leads HTTP/9.9", 505, "http-version-not-supported"),
                // request line and headers over server.max-http-request-header-size (16 KiB), too many headers
                Arguments.of("GET /api/v1/leads?q=" + "a".repeat(20_000) + " HTTP/1.1", 400, "bad-request"),
                Arguments.of("GET /api/v1/leads HTTP/1.1\r\nX-Padding: " + "a".repeat(20_000), 400, "bad-request"),
                Arguments.of("GET /api/v1/leads HTTP/1.1\r\n" + String.join("\r\n",
                        IntStream.range(0, 101).mapToObj(i -> "X-Header-" + i + ": " + i).toList()), 400, "bad-request"),
                Arguments.of("GET /api/v1/leads HTTP/1.1\r\nBroken header line", 400, "bad-request"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("requestsTomcatRefuses")
    void whatTomcatRefusesIsAProblemToo(String requestLine, int status, String code) {
        RawHttp.Response response = raw(requestLine);

        assertProblem(response, status, code);
    }

    @Test
    void aLongQueryWithinTheHeaderLimitReachesTheApplicationWhichRefusesItNamingTheParameter() {
        HttpApi.Response response = api().get("/api/v1/leads?q=" + "a".repeat(10_000));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("type").asText()).isEqualTo("urn:relais:problem:too-long");
        assertThat(response.body().get("field").asText()).isEqualTo("q");
    }

    @Test
    void methodsTheFirewallRefusesAre405Problems() {
        for (String method : new String[]{"TRACE", "FOO"}) {
            RawHttp.Response response = raw(method + " /api/v1/leads HTTP/1.1");

            assertProblem(response, 405, "method-not-allowed");
            assertThat(response.header("Allow")).contains("GET").contains("POST").doesNotContain("TRACE");
        }
    }

    @Test
    void optionsAndHeadStaySane() {
        RawHttp.Response options = raw("OPTIONS /api/v1/leads HTTP/1.1");
        RawHttp.Response head = raw("HEAD /api/v1/leads HTTP/1.1");

        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("GET").contains("POST").doesNotContain("TRACE");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("application/json");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void parametersTomcatCannotReadAreRefusedInsteadOfIgnored() {
        String tooMany = String.join("&", Stream.generate(() -> "a=1").limit(1_001).toList());

        for (String query : new String[]{"q=%ZZ", "=x", tooMany}) {
            RawHttp.Response response = raw("GET /api/v1/leads?" + query + " HTTP/1.1");

            assertThat(response.status()).as("%s: %s", query, response).isEqualTo(400);
            assertProblem(response, 400, "rejected-url");
            assertThat(response.json().get("field").asText()).isEqualTo("query");
        }
    }

    @Test
    void theErrorPageIsAProblem() {
        RawHttp.Response response = raw("GET /error HTTP/1.1");

        assertProblem(response, 404, "not-found");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeItIsSentAndTheConnectionClosed() throws IOException {
        long before = storedEvents();

        try (Socket socket = new RawHttp(port).connect()) {
            // well under the 20 s Tomcat would wait for the body if it meant to read it after answering
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\n" + authorization()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));

            RawHttp.Response response = RawHttp.Response.parse(RawHttp.readAll(socket.getInputStream()));

            assertProblem(response, 413, "payload-too-large");
            assertThat(response.json().get("field").asText()).isEqualTo("body");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyIsCutOffOnceItPassesTheLimit() {
        long before = storedEvents();
        byte[] document = notesOfLength(MAX_BODY + 1);
        String body = Integer.toHexString(document.length) + "\r\n" + new String(document, StandardCharsets.US_ASCII)
                + "\r\n0\r\n\r\n";

        RawHttp.Response response = new RawHttp(port).exchange("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\n"
                        + authorization() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close", body.getBytes(StandardCharsets.US_ASCII));

        assertProblem(response, 413, "payload-too-large");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        HttpApi.Response response = api().post("/api/v1/leads",
                new String(notesOfLength(MAX_BODY), StandardCharsets.US_ASCII));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("field").asText()).isEqualTo("notes");
    }

    @Test
    void theConfiguredLimitsAreTomcats() {
        AbstractHttp11Protocol<?> protocol = protocol();

        assertThat(connector().getMaxParameterCount()).isEqualTo(1_000);
        assertThat(protocol.getMaxSwallowSize()).isEqualTo(MAX_BODY);
        assertThat(protocol.getMaxHttpRequestHeaderSize()).isEqualTo(16 * 1024);
        assertThat(protocol.getConnectionTimeout()).isEqualTo(20_000);
        assertThat(protocol.getKeepAliveTimeout()).isEqualTo(60_000);
        assertThat(protocol.getMaxKeepAliveRequests()).isEqualTo(100);
    }

    @Test
    void aClientThatStopsSendingItsHeadersIsDisconnected() throws IOException {
        String received = sendAndWaitForTheServerToClose(
                "POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl");

        assertThat(received).isEmpty();
    }

    @Test
    void aClientThatStopsSendingItsBodyIsToldSoAndDisconnected() throws IOException {
        long before = storedEvents();

        String received = sendAndWaitForTheServerToClose("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\n"
                + authorization() + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                + "{\"email\": \"slow@exa");

        assertThat(received).startsWith("HTTP/1.1 408").contains("application/problem+json")
                .contains("urn:relais:problem:request-timeout");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anIdleKeptAliveConnectionIsClosed() throws IOException {
        String received = sendAndWaitForTheServerToClose("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n"
                + authorization() + "\r\n\r\n");

        assertThat(received).startsWith("HTTP/1.1 200").doesNotContain("Connection: close");
    }

    /**
     * Sends {@code text} and nothing more, with the connection and keep-alive timeouts shortened to one second
     * for the time of the test, and answers what the server sent until it closed the connection (the socket's
     * own read timeout, far longer, fails the test if it does not).
     */
    private String sendAndWaitForTheServerToClose(String text) throws IOException {
        AbstractHttp11Protocol<?> protocol = protocol();
        int connectionTimeout = protocol.getConnectionTimeout();
        int keepAliveTimeout = protocol.getKeepAliveTimeout();
        protocol.setConnectionTimeout(1_000);
        protocol.setKeepAliveTimeout(1_000);
        try (Socket socket = new RawHttp(port).connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(RawHttp.readAll(socket.getInputStream()), StandardCharsets.UTF_8);
        } finally {
            protocol.setConnectionTimeout(connectionTimeout);
            protocol.setKeepAliveTimeout(keepAliveTimeout);
        }
    }

    private Connector connector() {
        return ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    }

    private AbstractHttp11Protocol<?> protocol() {
        return (AbstractHttp11Protocol<?>) connector().getProtocolHandler();
    }

    /** A JSON lead of exactly {@code length} bytes, its notes filling it up. */
    private static byte[] notesOfLength(int length) {
        String start = "{\"email\": \"big@example.fr\", \"source\": \"NEWSLETTER\", \"notes\": \"";
        String end = "\"}";
        return (start + "n".repeat(length - start.length() - end.length()) + end).getBytes(StandardCharsets.US_ASCII);
    }

    private RawHttp.Response raw(String requestLineAndHeaders) {
        String[] lines = requestLineAndHeaders.split("\r\n", 2);
        String head = lines[0] + "\r\nHost: localhost\r\n" + authorization() + "\r\nConnection: close"
                + (lines.length > 1 ? "\r\n" + lines[1] : "");
        return new RawHttp(port).exchange(head);
    }

    private static String authorization() {
        return RawHttp.basicAuthorization("admin", ADMIN_PASSWORD);
    }

    private static void assertProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:relais:problem:" + code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }
}
