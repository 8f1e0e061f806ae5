package io.relais.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} that a PostgreSQL server keeps in its data directory while it runs (its PID on the
 * first line, its port on the fourth). The server deletes it when it stops; one left by a server that is gone
 * is stale, and PostgreSQL replaces it on its next start.
 */
record PostmasterPidFile(Path file, long pid, int port) {

    /** The pid file in {@code dataDirectory}, unless there is none or it is not (yet) complete. */
    static Optional<PostmasterPidFile> in(Path dataDirectory) {
        Path file = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPidFile(file, Long.parseLong(lines.get(0).strip()),
                    Integer.parseInt(lines.get(3).strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
