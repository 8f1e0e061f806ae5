package io.relais.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.organisation.Profile;
import io.relais.organisation.TestOrganisation;
import io.relais.organisation.TestOrganisation.Member;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests over HTTP against the real application on the embedded PostgreSQL. All subclasses share
 * one application context (and one database in a temporary folder), so tests must not assume an empty
 * database: each creates its own records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(QueriesAsAxonServerCarriesThem.class)
public abstract class ApiTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final Path DATA_DIRECTORY = createDataDirectory();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore eventStore;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("relais.embedded-db.data-directory", DATA_DIRECTORY::toString);
        registry.add("relais.admin.password", () -> ADMIN_PASSWORD);
        // BCrypt's cheapest cost: every request of every test signs in.
        registry.add("relais.security.password-hash-strength", () -> "4");
        // every test signs in from the same address: their wrong passwords must not add up to a throttle
        registry.add("relais.security.sign-in-failures.per-address", () -> "1000000");
        // small enough for a test to spend: each test posts from addresses of its own (X-Forwarded-For)
        registry.add("relais.web-forms.per-address.submissions", () -> "5");
        registry.add("relais.web-forms.per-form.submissions", () -> "12");
        // webhook deliveries retried, given up (FAILED) and their subscriptions suspended within a test's patience:
        // a delivery is given up before its subscription is suspended, unless failures go on past it
        registry.add("relais.webhooks.timeout", () -> "1s");
        registry.add("relais.webhooks.first-retry", () -> "100ms");
        registry.add("relais.webhooks.max-retry-interval", () -> "400ms");
        registry.add("relais.webhooks.retry-for", () -> "2s");
        registry.add("relais.webhooks.suspend-after", () -> "3s");
        registry.add("relais.webhooks.poll-interval", () -> "200ms");
        // reminders and overdue alerts come due within a test's patience
        registry.add("db-scheduler.polling-interval", () -> "200ms");
        AxonServerUnderTest.configure(registry);
    }

    /** The API signed in as the administrator {@code admin}. */
    protected HttpApi api() {
        return new HttpApi(port).basic("admin", ADMIN_PASSWORD);
    }

    /** The API without credentials. */
    protected HttpApi anonymous() {
        return new HttpApi(port);
    }

    /** Registers a user (a unique id is derived from {@code name}) and answers the API signed in as them. */
    protected TestUser user(String name, Profile profile, TestUser manager) {
        String id = (name + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        String password = "password-of-" + id;
        HttpApi.Response created = api().post("/api/v1/users", "{\"userId\":\"" + id + "\",\"displayName\":\""
                + name + "\",\"profile\":\"" + profile + "\",\"managerId\":"
                + (manager == null ? "null" : "\"" + manager.id() + "\"") + ",\"password\":\"" + password + "\"}");
        if (created.status() != 201) {
            throw new AssertionError("Could not register " + id + ": " + created);
        }
        return new TestUser(id, new HttpApi(port).basic(id, password));
    }

    protected TestUser user(String name, Profile profile) {
        return user(name, profile, null);
    }

    /**
     * Registers the organisation over HTTP, each manager before their reports; answers its users by their id in the
     * description. Each registered id is derived from that id, as {@link #user} does; the description's
     * {@link TestOrganisation#ADMIN} is the application's administrator.
     */
    protected Map<String, TestUser> register(TestOrganisation organisation) {
        Map<String, TestUser> users = new LinkedHashMap<>();
        List<Member> waiting = organisation.members();
        while (!waiting.isEmpty()) {
            Member next = waiting.stream()
                    .filter(member -> member.managerId() == null || users.containsKey(member.managerId()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("No manager registered for "
                            + waiting));
            if (!next.active()) {
                throw new IllegalArgumentException("Only active members are registered: " + next);
            }
            waiting.remove(next);
            users.put(next.userId(), next.userId().equals(TestOrganisation.ADMIN) ? new TestUser("admin", api())
                    : user(next.userId(), next.profile(), users.get(next.managerId())));
        }
        return users;
    }

    /** A registered user and the API signed in as them. */
    protected record TestUser(String id, HttpApi api) {
    }

    /**
     * Events caused directly by requests. Those the system adds on its own (lead routing, reassignment)
     * come asynchronously, possibly from another test's request, so they are left out.
     */
    protected long storedEvents() {
        return AxonServerUnderTest.on() ? AxonServerUnderTest.eventsByUsers(eventStore)
                : jdbc.queryForObject("select count(*) from domainevententry "
                + "where cast(metadata as jsonb) ->> 'userId' not like 'system:%'", Long.class);
    }

    /** The events of record {@code id}, all of them in order (no snapshot), read through Axon's event store. */
    protected List<? extends DomainEventMessage<?>> eventsOf(String id) {
        return eventStore.readEvents(id, 0).asStream().toList();
    }

    /** A write on the record with the given id, sent with the given headers (name, value pairs). */
    @FunctionalInterface
    protected interface Write {
        HttpApi.Response send(String id, String... headers);
    }

    /**
     * Asserts that a write on a record its caller may not see answers exactly as the same write on a record that
     * does not exist, whatever {@code If-Match} says: without it, and with a stale and a future version of the
     * record, both answer 404 with the same content type and body (each one's id written alike); and nothing is
     * stored.
     *
     * @param recordPath where the administrator reads the hidden record, ending with its id; its version (the
     *                   ETag) must be at least 1, so that a stale one exists
     */
    protected void assertAnswersAsMissing(String recordPath, Write write) {
        String hiddenId = recordPath.substring(recordPath.lastIndexOf('/') + 1);
        String missingId = "missing-" + UUID.randomUUID();
        long version = Long.parseLong(api().get(recordPath).header("ETag").replace("\"", ""));
        assertThat(version).as("the version of " + recordPath).isPositive();
        long before = storedEvents();
        for (Long expected : Arrays.asList(null, version - 1, version + 1)) {
            String[] ifMatch = expected == null ? new String[0] : new String[] {"If-Match", "\"" + expected + "\""};
            String missing = answer(write.send(missingId, ifMatch), missingId);
            String hidden = answer(write.send(hiddenId, ifMatch), hiddenId);
            assertThat(missing).as("If-Match " + expected).startsWith("404 ");
            assertThat(hidden).as("If-Match " + expected).isEqualTo(missing);
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** The id of the record a write created, which must have answered 201. */
    public static String created(HttpApi.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }

    /** A response's status, content type and body, {@code id} written as {id}. */
    private static String answer(HttpApi.Response response, String id) {
        return response.status() + " " + response.header("Content-Type") + " " + response.raw().body()
                .replace(id, "{id}");
    }

    protected StreamingEventProcessor processor(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class).orElseThrow();
    }

    /** Waits until every segment of the processor has handled every event stored so far. */
    protected void awaitCaughtUp(StreamingEventProcessor processor) {
        Settling.awaitCaughtUp(eventStore, processor);
    }

    /**
     * Waits until every processor has handled every event, those its process managers add included: the
     * store has stopped growing and everything has caught up with it.
     */
    protected void awaitSettled() {
        Settling.awaitSettled(processing, eventStore);
    }

    /** Makes {@code count} calls at the same time, from as many threads; answers their results. */
    protected static <T> List<T> concurrently(int count, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(Collections.nCopies(count, call))) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    protected static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    private static Path createDataDirectory() {
        return TestDataDirectories.fresh("e2e");
    }
}
