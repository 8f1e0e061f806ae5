package io.relais.database;

import io.relais.RelaisApplication;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.TestDataDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} leaves the engine's PostgreSQL server running on its data directory; the same start command
 * starts the engine again anyway, with every write that was answered 2xx. That server is stopped because its
 * engine is gone: a second engine on the data directory of a running one refuses to start and leaves it alone
 * (checked on the restarted engine, which saves starting a third).
 */
class EngineKilledTest {

    private static final String PASSWORD = "killed-engine-admin-password";
    private static final int WRITERS = 4;

    private final Path dataDirectory = TestDataDirectories.fresh("killed");
    private final EngineProcess engine = new EngineProcess(dataDirectory, PASSWORD);

    @AfterEach
    void stopEverything() throws InterruptedException {
        engine.stop();
    }

    @Test
    void anEngineKilledMidLoadStartsAgainWithEveryAcknowledgedWrite() throws Exception {
        engine.start();
        engine.awaitHealthy();
        HttpApi api = engine.api("admin", PASSWORD);
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger leads = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int i = 0; i < WRITERS; i++) {
            writers.submit(() -> writeUntilRefused(api, leads, acknowledged));
        }

        await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= 30);
        engine.kill();
        writers.shutdown();
        assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        long leftOver = PostmasterPidFile.in(dataDirectory).orElseThrow().pid();
        assertThat(ProcessHandle.of(leftOver).filter(ProcessHandle::isAlive)).as("the killed engine's server").isPresent();

        engine.start();
        engine.awaitHealthy();

        assertThat(ProcessHandle.of(leftOver).filter(ProcessHandle::isAlive)).as("the killed engine's server").isEmpty();
        assertThat(engine.console()).contains("Stopped the PostgreSQL server (PID " + leftOver + ",");
        // each lead read at once rather than after a first poll interval: most are there by their turn
        acknowledged.forEach((id, version) -> await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO)
                .untilAsserted(() -> {
                    Response read = api.get("/api/v1/leads/" + id);
                    assertThat(read.status()).as("lead %s", id).isEqualTo(200);
                    assertThat(versionOf(read)).as("lead %s, acknowledged at version %d", id, version)
                            .isGreaterThanOrEqualTo(version);
                }));

        long server = PostmasterPidFile.in(dataDirectory).orElseThrow().pid();
        assertThatThrownBy(() -> new SpringApplicationBuilder(RelaisApplication.class).run("--server.port=0",
                "--relais.embedded-db.data-directory=" + dataDirectory, "--relais.admin.password=" + PASSWORD))
                .hasStackTraceContaining("The embedded database in " + dataDirectory
                        + " is in use by another running Relais engine");
        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).as("the running engine's server").isPresent();
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
    }

    /** Captures leads and changes them, recording the version of each answered 2xx, until the engine is gone. */
    private static void writeUntilRefused(HttpApi api, AtomicInteger leads, Map<String, Long> acknowledged) {
        try {
            while (true) {
                int n = leads.incrementAndGet();
                Response captured = api.post("/api/v1/leads",
                        "{\"email\": \"killed-" + n + "@example.fr\", \"source\": \"WEB_FORM\"}");
                if (captured.status() / 100 != 2) {
                    continue;
                }
                String location = captured.header("Location");
                String id = location.substring(location.lastIndexOf('/') + 1);
                acknowledged.put(id, versionOf(captured));
                Response changed = api.patch("/api/v1/leads/" + id, "{\"city\": \"Ville " + n + "\"}");
                if (changed.status() / 100 == 2) {
                    acknowledged.put(id, versionOf(changed));
                }
            }
        } catch (IllegalStateException engineGone) {
            // the engine was killed: its connections are refused or reset
        }
    }

    private static long versionOf(Response response) {
        return Long.parseLong(response.header("ETag").replace("\"", ""));
    }
}
