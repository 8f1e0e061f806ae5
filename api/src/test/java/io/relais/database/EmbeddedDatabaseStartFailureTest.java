package io.relais.database;

import io.relais.RelaisApplication;
import io.relais.support.TestDataDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the embedded PostgreSQL does not start, the last error of the engine's log says why in PostgreSQL's own
 * words, rather than only that zonky gave up waiting, and no server is left running.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseStartFailureTest {

    private final Path dataDirectory = TestDataDirectories.fresh("start-failure");

    @Test
    void theLastErrorOfAFailedStartEndsWithPostgresqlsOwnLog(CapturedOutput output) throws Exception {
        Files.createDirectories(dataDirectory, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.writeString(dataDirectory.resolve("postgresql.conf"), "");
        Files.writeString(dataDirectory.resolve("PG_VERSION"), "16\n");

        assertThatThrownBy(() -> start("3s")).hasStackTraceContaining("did not start");

        String lastError = output.getOut().substring(output.getOut().lastIndexOf(" ERROR "));
        assertThat(lastError).contains("APPLICATION FAILED TO START")
                .contains("The embedded PostgreSQL did not start on " + dataDirectory)
                .contains("The data directory was initialized by PostgreSQL version 16")
                .contains("relais.embedded-db.startup-timeout (now 3 s)");
    }

    @Test
    void aServerNotReadyWhenTheWaitRunsOutIsStoppedRatherThanLeftRunning() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection connection = postgres.getDatabase("postgres", "template1").getConnection();
             Statement statement = connection.createStatement()) {
            // the server runs, but zonky's readiness check (select 1 in the database postgres) never passes
            statement.execute("drop database postgres");
        }

        assertThatThrownBy(() -> start("2s")).hasStackTraceContaining("database \"postgres\" does not exist");

        assertThat(PostmasterPidFile.in(dataDirectory)).as("a server running on the data directory").isEmpty();
    }

    private ConfigurableApplicationContext start(String startupTimeout) {
        return new SpringApplicationBuilder(RelaisApplication.class).run("--server.port=0",
                "--relais.embedded-db.data-directory=" + dataDirectory,
                "--relais.embedded-db.startup-timeout=" + startupTimeout,
                "--relais.admin.password=start-failure-password");
    }
}
