package io.relais.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What the embedded PostgreSQL writes (initdb, pg_ctl, the server's own log), in a file beside its data
 * directory ({@code ./data.log} for {@code ./data}): the data directory itself must be empty for initdb. The
 * file is kept across starts, and moved to {@code .1} at a start once it has grown past 10 MB.
 */
record ServerLog(Path file, long startedAt) {

    private static final long ROTATE_AT = 10L * 1024 * 1024;
    private static final int TAIL_BYTES = 64 * 1024;
    private static final int TAIL_LINES = 20;

    /** The log of {@code dataDirectory}'s server, from this start on. */
    static ServerLog beside(Path dataDirectory) {
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        try {
            if (Files.exists(file) && Files.size(file) > ROTATE_AT) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProcessBuilder.Redirect redirect() {
        return ProcessBuilder.Redirect.appendTo(file.toFile());
    }

    /** The last lines written since this start. */
    String tail() {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(startedAt, log.length() - TAIL_BYTES);
            byte[] written = new byte[(int) (log.length() - from)];
            log.seek(from);
            log.readFully(written);
            List<String> lines = new String(written, StandardCharsets.UTF_8).strip().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(" + file + " cannot be read: " + e.getMessage() + ")";
        }
    }
}
