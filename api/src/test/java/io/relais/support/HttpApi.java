package io.relais.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A small HTTP client for end-to-end tests: JSON in, JSON out, every status returned (never thrown), every answer
 * checked against the engine's OpenAPI description ({@link ApiContract}).
 */
public final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;

    public HttpApi(int port) {
        this("http://localhost:" + port, null);
    }

    private HttpApi(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same API, signed in with HTTP Basic. */
    public HttpApi basic(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HttpApi(base, "Basic " + credentials);
    }

    /** The same API, signed in with a bearer token. */
    public HttpApi bearer(String token) {
        return new HttpApi(base, "Bearer " + token);
    }

    /** The same API without credentials. */
    public HttpApi anonymous() {
        return new HttpApi(base, null);
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, "application/json", headers);
    }

    public Response post(String path, String body, String... headers) {
        return send("POST", path, body, "application/json", headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, "application/json", headers);
    }

    public Response put(String path, String body, String... headers) {
        return send("PUT", path, body, "application/json", headers);
    }

    public Response patch(String path, String body, String... headers) {
        return send("PATCH", path, body, "application/merge-patch+json", headers);
    }

    /**
     * Sends any method with any content type ({@code null}: a body without one); {@code headers} are name,
     * value pairs.
     */
    public Response send(String method, String path, String body, String contentType, String... headers) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType,
                headers);
    }

    /**
     * Posts a multipart form as a browser does: {@code file} as the part named "file" (its name {@code fileName}),
     * then {@code fields}, name and value pairs ({@code null} values left out).
     */
    public Response postFile(String path, String fileName, byte[] file, String... fields) {
        String boundary = "----relais" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i]
                        + "\"\r\n\r\n" + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return sendBytes("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private Response sendBytes(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ApiContract.check(CLIENT, base, method, path, response);
            return new Response(response.statusCode(), response, parse(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    public record Response(int status, HttpResponse<String> raw, JsonNode body) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return new ArrayList<>(raw.headers().allValues(name));
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }
}
