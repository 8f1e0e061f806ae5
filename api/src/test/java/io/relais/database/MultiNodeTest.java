package io.relais.database;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.audit.SealingKeys;
import io.relais.personaldata.PersonalDataConfiguration;
import io.relais.support.ApiTestSupport;
import io.relais.support.BackupTables;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.TestDataDirectories;
import io.relais.tools.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three engines, each an OS process of its own, on one PostgreSQL (the first engine's embedded one; the others
 * reach it as an external database with the first one's keys), all serving reads and writes. One is killed with
 * SIGKILL while writers keep going on all three; the others take its segments over, nothing acknowledged is lost
 * or made twice, every answer is a 2xx or a 409, and the read models equal a rebuild of them from the store.
 */
class MultiNodeTest {

    private static final String PASSWORD = "multi-node-admin-password";
    private static final int WRITERS_PER_NODE = 2;

    private final Path folder = TestDataDirectories.fresh("nodes");
    private final List<EngineProcess> engines = new ArrayList<>();

    @TempDir
    Path backups;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (int i = engines.size() - 1; i >= 0; i--) {
            engines.get(i).stop();
        }
    }

    @Test
    void threeNodesShareTheWorkAndTheLossOfOneLosesNothing() throws Exception {
        EngineProcess first = engine(folder);
        first.start();
        first.awaitHealthy();
        int database = RunningEngine.port(folder).orElseThrow();
        EngineProcess second = engine(TestDataDirectories.fresh("node-2"), attachedTo(database));
        EngineProcess third = engine(TestDataDirectories.fresh("node-3"), attachedTo(database));
        second.start();
        third.start();
        second.awaitHealthy();
        third.awaitHealthy();
        List<HttpApi> nodes = engines.stream().map(engine -> engine.api("admin", PASSWORD)).toList();

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(claimants(nodes.get(0))).as("the nodes processing segments").hasSize(3));

        String account = ApiTestSupport.created(nodes.get(1).post("/api/v1/accounts",
                "{\"legalName\": \"Plusieurs Nœuds SA\"}"));
        Instant due = Instant.now().plusSeconds(6);
        String meeting = ApiTestSupport.created(nodes.get(2).post("/api/v1/activities/schedule", "{\"kind\": "
                + "\"MEETING\", \"subject\": \"Une fois\", \"accountId\": \"" + account + "\", \"dueAt\": \"" + due
                + "\", \"remindAt\": \"" + due.minusSeconds(3) + "\"}"));
        String shared = ApiTestSupport.created(nodes.get(0).post("/api/v1/leads",
                "{\"email\": \"partagee@example.fr\", \"source\": \"WEB_FORM\"}"));

        Writers writers = new Writers(nodes, shared);
        writers.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> writers.acknowledged.size() >= 60);
        Set<String> thirdNodeSegments = claimedBy(nodes.get(0), third.nodePrefix());
        third.kill();
        long killed = System.nanoTime();
        int beforeKill = writers.acknowledged.size();
        await().atMost(Duration.ofMinutes(2)).until(() -> writers.acknowledged.size() >= beforeKill + 60);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(claimants(nodes.get(0))).as("the nodes processing segments").hasSize(2)
                        .noneMatch(node -> node.startsWith(third.nodePrefix())));
        System.out.printf("The killed node's %d segments were taken over in %d ms%n", thirdNodeSegments.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        writers.stop();
        System.out.printf("Answers by status: %s; stale If-Match refused %d times%n", writers.answers,
                writers.staleRefused.get());

        assertThat(writers.answers).as("every answer of a live node").allSatisfy((status, count) ->
                assertThat(status).isIn(200, 201, 202, 409));
        assertThat(writers.staleRefused.get()).as("stale If-Match refused").isPositive();
        assertThat(writers.unreadWrites).as("writes not read back on the node that made them").isEmpty();
        HttpApi survivor = nodes.get(1);
        writers.acknowledged.forEach((key, id) -> {
            Response again = nodes.get(0).post("/api/v1/leads", Writers.lead(key), "Idempotency-Key", key);
            assertThat(again.status()).as("retried on another node").isIn(200, 201);
            assertThat(again.header("Location")).endsWith("/" + id);
        });
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(survivor.get("/actuator/health").body().at("/components/eventProcessors/status").asText())
                        .isEqualTo("UP"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode activity = survivor.get("/api/v1/activities/" + meeting).body();
            assertThat(activity.get("overdue").asBoolean()).isTrue();
        });
        Set<String> leads = new HashSet<>(writers.acknowledged.values());
        assertThat(leads).hasSize(writers.acknowledged.size());
        Map<String, Long> events = eventTypes(database);
        assertThat(events.get("io.relais.activity.ActivityReminderDue")).as("the reminder, once").isEqualTo(1);
        assertThat(events.get("io.relais.activity.ActivityOverdue")).as("the overdue alert, once").isEqualTo(1);
        assertThat(events.get("io.relais.lead.LeadCaptured")).as("each acknowledged lead once, and the shared one")
                .isEqualTo(writers.acknowledged.size() + 1L);

        second.stop();
        first.stop();
        engines.clear();
        Path live = backups.resolve("live.zip");
        Path rebuilt = backups.resolve("rebuilt.zip");
        assertThat(Tools.run(new String[]{"backup", "--to=" + live, in(folder)}, System.out)).isZero();
        assertThat(Tools.run(new String[]{"rebuild", "--all", in(folder)}, System.out)).isZero();
        assertThat(Tools.run(new String[]{"backup", "--to=" + rebuilt, in(folder)}, System.out)).isZero();
        BackupTables.assertSameTables(rebuilt, live);
    }

    /**
     * Writers on every node: each captures leads with an Idempotency-Key, retried on the next node until one
     * answers, and changes the lead they all change.
     */
    private static final class Writers {

        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        final AtomicInteger staleRefused = new AtomicInteger();
        final Set<String> unreadWrites = ConcurrentHashMap.newKeySet();
        private final List<HttpApi> nodes;
        private final String shared;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads;

        Writers(List<HttpApi> nodes, String shared) {
            this.nodes = nodes;
            this.shared = shared;
            this.threads = Executors.newFixedThreadPool(nodes.size() * WRITERS_PER_NODE);
        }

        static String lead(String key) {
            return "{\"email\": \"" + key + "@example.fr\", \"company\": \"Nœud " + key.substring(0, 8)
                    + "\", \"source\": \"WEB_FORM\"}";
        }

        void start() {
            for (int i = 0; i < nodes.size() * WRITERS_PER_NODE; i++) {
                int home = i % nodes.size();
                threads.submit(() -> write(home));
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        private void write(int home) {
            int node = home;
            while (running.get()) {
                String key = UUID.randomUUID().toString();
                String id = null;
                while (id == null && running.get()) {
                    try {
                        Response created = count(nodes.get(node).post("/api/v1/leads", lead(key),
                                "Idempotency-Key", key));
                        if (created.status() / 100 == 2) {
                            String location = created.header("Location");
                            id = location.substring(location.lastIndexOf('/') + 1);
                            if (created.status() != 202 && nodes.get(node).get("/api/v1/leads/" + id).status() != 200) {
                                unreadWrites.add(id);
                            }
                        }
                        changeTheSharedLead(nodes.get(node));
                    } catch (IllegalStateException nodeGone) {
                        node = (node + 1) % nodes.size();
                    }
                }
                if (id != null) {
                    acknowledged.put(key, id);
                }
            }
        }

        /** Changes the lead every writer changes, without a version, then with one another node made stale. */
        private void changeTheSharedLead(HttpApi api) {
            Response read = api.get("/api/v1/leads/" + shared);
            String version = read.header("ETag");
            count(api.patch("/api/v1/leads/" + shared, "{\"city\": \"Ville " + UUID.randomUUID() + "\"}"));
            Response stale = count(api.send("PATCH", "/api/v1/leads/" + shared, "{\"city\": \"Périmée\"}",
                    "application/merge-patch+json", "If-Match", version));
            if (stale.status() == 409) {
                staleRefused.incrementAndGet();
            }
        }

        private Response count(Response response) {
            answers.computeIfAbsent(response.status(), status -> new AtomicInteger()).incrementAndGet();
            return response;
        }
    }

    private EngineProcess engine(Path dataDirectory, String... settings) {
        String[] all = new String[settings.length + 1];
        all[0] = "--db-scheduler.polling-interval=500ms";
        System.arraycopy(settings, 0, all, 1, settings.length);
        EngineProcess engine = new EngineProcess(dataDirectory, PASSWORD, all);
        engines.add(engine);
        return engine;
    }

    /** The settings of an engine on the first one's database, with its keys. */
    private String[] attachedTo(int port) {
        return new String[]{"--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--spring.datasource.username=postgres",
                "--relais.personal-data.master-key-file="
                        + folder.resolve(PersonalDataConfiguration.GENERATED_MASTER_KEY),
                "--relais.audit.signing-key-file=" + folder.resolve(SealingKeys.GENERATED_SIGNING_KEY),
                "--relais.audit.public-key-file=" + folder.resolve(SealingKeys.GENERATED_PUBLIC_KEY)};
    }

    /** How many events of each type the store holds, read from the database itself. */
    private static Map<String, Long> eventTypes(int port) throws SQLException {
        Map<String, Long> types = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "select payloadtype, count(*) from domainevententry group by payloadtype")) {
            while (rows.next()) {
                types.put(rows.getString(1), rows.getLong(2));
            }
        }
        return types;
    }

    private static String in(Path dataDirectory) {
        return "--relais.embedded-db.data-directory=" + dataDirectory;
    }

    /** The nodes that process at least one segment, as the processors' status says. */
    private static Set<String> claimants(HttpApi api) {
        Set<String> nodes = new HashSet<>();
        for (JsonNode segment : segments(api)) {
            if (segment.hasNonNull("claimedBy")) {
                nodes.add(segment.get("claimedBy").asText());
            }
        }
        return nodes;
    }

    private static Set<String> claimedBy(HttpApi api, String nodePrefix) {
        Set<String> held = new HashSet<>();
        for (JsonNode segment : segments(api)) {
            if (segment.path("claimedBy").asText().startsWith(nodePrefix)) {
                held.add(segment.toString());
            }
        }
        return held;
    }

    private static List<JsonNode> segments(HttpApi api) {
        Response processors = api.get("/api/v1/admin/processors");
        assertThat(processors.status()).as(processors.toString()).isEqualTo(200);
        return StreamSupport.stream(processors.body().get("processors").spliterator(), false)
                .flatMap(processor -> StreamSupport.stream(processor.get("segments").spliterator(), false))
                .toList();
    }
}
