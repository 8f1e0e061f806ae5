package io.relais.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.relais.security.SecurityProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static io.relais.bench.BenchSupport.ACTOR;
import static io.relais.bench.BenchSupport.ACTOR_PASSWORD;
import static io.relais.bench.BenchSupport.format;
import static io.relais.bench.BenchSupport.ratio;
import static io.relais.bench.BenchSupport.timed;

/**
 * Authenticated reads over HTTP, as an integration makes them: every request carries its user's password
 * (HTTP Basic), checked against the stored hash at the configured BCrypt cost (12 unless told otherwise).
 */
final class HttpBenchmark {

    private final ApplicationContext context;
    private final BenchmarkOptions options;
    private final PrintStream out;
    private final Map<String, String> summary;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    HttpBenchmark(ApplicationContext context, BenchmarkOptions options, PrintStream out, Map<String, String> summary) {
        this.context = context;
        this.options = options;
        this.out = out;
        this.summary = summary;
        this.base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * {@code options.httpRequests()} requests for {@code GET /api/v1/me} by a user of its own, at
     * {@code options.clients()} clients, after a fifth as many unmeasured; as a ratio to the single-client raw
     * insert speed, like the other reads.
     */
    void authenticatedReads(double rawInsertsPerSecond) throws Exception {
        String user = "bench-reader-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        String administrator = BenchSupport.basic(ACTOR, ACTOR_PASSWORD);
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users"))
                .header("Authorization", administrator)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"" + user + "\", \"displayName\": \"Reader\", "
                        + "\"profile\": \"SALES_REP\", \"password\": \"" + password + "\"}"))
                .build(), 201);
        HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", BenchSupport.basic(user, password))
                .GET()
                .build();
        int clients = options.clients();
        timed(clients, Math.max(500, options.httpRequests() / 5), count -> reads(me, count));
        double checksBefore = passwordChecks();
        double rate = timed(clients, options.httpRequests(), count -> reads(me, count));
        out.printf("authenticated GET /api/v1/me over HTTP (Basic, BCrypt cost %d), %d clients: %s requests/s, "
                        + "%.0f BCrypt checks%n", context.getBean(SecurityProperties.class).passwordHashStrength(),
                clients, format(rate), passwordChecks() - checksBefore);
        summary.put("http_get_per_s_" + clients, format(rate));
        summary.put("http_get_ratio_" + clients, ratio(rate, rawInsertsPerSecond));
    }

    private double passwordChecks() {
        return context.getBean(MeterRegistry.class).get("relais.sign-ins").tag("outcome", "verified").counter().count();
    }

    private Void reads(HttpRequest request, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            send(request, 200);
        }
        return null;
    }

    private void send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + " instead of " + expected + ": " + response.body());
        }
    }
}
