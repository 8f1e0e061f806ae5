package io.relais.support;

import io.relais.eventstore.ProcessorProgress;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The Axon Server the end-to-end tests run against when {@code AXON_SERVER} names one ({@code host:grpcPort};
 * its HTTP port is {@code AXON_SERVER_HTTP}, 8024 by default). It must run in development mode: the tests start
 * from an empty event store, so its events are purged once per test run. Never point the tests at an Axon Server
 * that holds data.
 */
public final class AxonServerUnderTest {

    private static final String ADDRESS = System.getenv("AXON_SERVER");
    private static boolean purged;
    private static TrackingToken counted;
    private static long byUsers;

    private AxonServerUnderTest() {
    }

    /** Whether the tests run against Axon Server. */
    public static boolean on() {
        return ADDRESS != null && !ADDRESS.isBlank();
    }

    /** Routes the engine under test through Axon Server when the tests run against one. */
    static void configure(DynamicPropertyRegistry registry) {
        if (on()) {
            purgeOnce();
            registry.add("axon.axonserver.enabled", () -> "true");
            registry.add("axon.axonserver.servers", () -> ADDRESS);
        }
    }

    /**
     * The events in the store that users' requests caused (those of a {@code system:} actor left out), counted as
     * they come: each call reads only the events stored since the last.
     */
    static synchronized long eventsByUsers(EventStore store) {
        long head = ProcessorProgress.head(store);
        try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(counted)) {
            while (head >= 0 && (counted == null || counted.position().orElse(-1) < head)) {
                TrackedEventMessage<?> event = events.nextAvailable();
                counted = event.trackingToken();
                Object user = event.getMetaData().get("userId");
                if (user != null && !user.toString().startsWith("system:")) {
                    byUsers++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return byUsers;
    }

    private static synchronized void purgeOnce() {
        if (purged) {
            return;
        }
        String host = ADDRESS.split(",")[0].split(":")[0];
        String httpPort = System.getenv().getOrDefault("AXON_SERVER_HTTP", "8024");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://" + host + ":" + httpPort + "/v1/devmode/purge-events")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("Axon Server at " + host + ":" + httpPort + " refused to purge its "
                        + "events (" + answer.statusCode() + "): is it in development mode? " + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("No Axon Server answers on " + host + ":" + httpPort, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        purged = true;
    }
}
