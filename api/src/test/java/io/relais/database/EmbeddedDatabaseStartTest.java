package io.relais.database;

import io.relais.support.TestDataDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded database starts beside the engine's other preparations, and never outlives a failed start. */
class EmbeddedDatabaseStartTest {

    private final Path dataDirectory = TestDataDirectories.fresh("early-start");
    private final EmbeddedDatabaseProperties properties =
            new EmbeddedDatabaseProperties(dataDirectory, 0, Duration.ofMinutes(2), Map.of("work_mem", "7MB"));

    @Test
    void theEngineTakesTheServerStartedWithItsSettings() throws Exception {
        EmbeddedDatabaseStart start = new EmbeddedDatabaseStart(properties);

        try (EmbeddedPostgres postgres = start.take();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet settings = connection.createStatement().executeQuery("select current_setting('work_mem'), "
                     + "current_setting('synchronous_commit'), current_setting('data_directory')")) {
            settings.next();
            assertThat(settings.getString(1)).isEqualTo("7MB");
            assertThat(settings.getString(2)).isEqualTo("on");
            assertThat(Path.of(settings.getString(3))).isEqualTo(dataDirectory.toAbsolutePath().normalize());
        }
        start.destroy();
        assertThat(PostmasterPidFile.in(dataDirectory)).isEmpty();
    }

    @Test
    void aServerThatAFailedStartNeverTookIsStoppedWithTheEngine() throws Exception {
        EmbeddedDatabaseStart start = new EmbeddedDatabaseStart(properties);
        // the pid file is written in steps while the server starts: read it once, whole
        long server = await().atMost(Duration.ofMinutes(2))
                .until(() -> PostmasterPidFile.in(dataDirectory), Optional::isPresent).orElseThrow().pid();

        start.destroy();

        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(PostmasterPidFile.in(dataDirectory)).isEmpty();
    }
}
