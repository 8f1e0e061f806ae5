package io.relais.database;

import io.relais.support.TestDataDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code postmaster.pid} names a PID, and PIDs are reused: before a start, the process it names is stopped
 * only when it is the PostgreSQL server of this very data directory.
 */
class LeftoverServerTest {

    private final Path dataDirectory = TestDataDirectories.fresh("leftover");

    @Test
    void aPidFileWhosePidNowBelongsToAnotherProgramIsRemoved() throws Exception {
        Files.createDirectories(dataDirectory);
        Path pidFile = pidFileNaming(ProcessHandle.current().pid(), 5432);

        LeftoverServer.takeOver(dataDirectory);

        assertThat(pidFile).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void thePostgresqlServerOfAnotherDirectoryIsLeftAloneAndTheStartRefused() throws Exception {
        Path otherDirectory = TestDataDirectories.fresh("other");
        try (EmbeddedPostgres other = EmbeddedPostgres.builder().setDataDirectory(otherDirectory)
                .setRegisterShutdownHook(false).start()) {
            long server = PostmasterPidFile.in(otherDirectory).orElseThrow().pid();
            Files.createDirectories(dataDirectory);
            Path pidFile = pidFileNaming(server, other.getPort());

            assertThatThrownBy(() -> LeftoverServer.takeOver(dataDirectory))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("cannot be told to be the PostgreSQL server of " + dataDirectory);

            assertThat(pidFile).exists();
            assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isPresent();
        }
    }

    private Path pidFileNaming(long pid, int port) throws Exception {
        return Files.writeString(dataDirectory.resolve("postmaster.pid"),
                pid + "\n" + dataDirectory + "\n1700000000\n" + port + "\n/tmp\nlocalhost\n  5432001  0\nready   \n");
    }
}
