package io.relais.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP receiver for webhook deliveries (the JDK's HTTP server): it keeps every request it was sent and
 * answers as the test says, or holds the request past the sender's patience.
 */
public final class Receiver implements AutoCloseable {

    /** What the receiver does with a request: answer a status, or {@link #HOLD} it without answering. */
    static final int HOLD = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received, with the status it was answered ({@link #HOLD}: none). */
    public record Request(String id, String timestamp, String signature, String body, JsonNode json, int answered) {

        long sequenceNumber() {
            return json.get("data").get("sequenceNumber").asLong();
        }

        public String recordId() {
            return json.get("data").get("recordId").asText();
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<JsonNode, Integer> answer = body -> 200;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hooks", this::handle);
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hooks";
    }

    void answer(Function<JsonNode, Integer> answer) {
        this.answer = answer;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests answered 2xx. */
    public List<Request> delivered() {
        return requests.stream().filter(request -> request.answered() >= 200 && request.answered() < 300).toList();
    }

    /** Whether the request was signed with {@code secret} as Standard Webhooks says, checked by its reference code. */
    static boolean signedWith(String secret, Request request) {
        try {
            new Webhook(secret).verify(request.body(), Map.of("webhook-id", List.of(request.id()),
                    "webhook-timestamp", List.of(request.timestamp()),
                    "webhook-signature", List.of(request.signature())));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json = JSON.readTree(body);
        int status = answer.apply(json);
        requests.add(new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body, json, status));
        if (status == HOLD) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
