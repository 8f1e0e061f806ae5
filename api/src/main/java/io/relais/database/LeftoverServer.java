package io.relais.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server left running on the embedded database's data directory. zonky has {@code pg_ctl} start
 * the server as a process of its own: when the engine is killed ({@code kill -9}, the OOM killer), the server
 * keeps running and keeps {@code postmaster.pid}, and the next start would fail on it. An engine that runs
 * holds zonky's lock on {@code epg-lock} in the data directory; a killed one holds nothing, which tells its
 * server from the server of an engine still running.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    private static final String ENGINE_LOCK = "epg-lock";
    private static final Duration WAIT_PER_SIGNAL = Duration.ofSeconds(30);
    // PostgreSQL's smart, fast and immediate shutdowns; never SIGKILL, which leaves its shared memory behind
    private static final List<Shutdown> SHUTDOWNS = List.of(new Shutdown("smart", "TERM"), new Shutdown("fast", "INT"),
            new Shutdown("immediate", "QUIT"));

    private LeftoverServer() {
    }

    /**
     * Makes {@code dataDirectory} ready for a start: refuses when another engine runs on it, stops the server of
     * an engine that was killed, and removes a {@code postmaster.pid} whose PID now belongs to another program
     * (PIDs are reused, after a reboot above all). A pid file whose process is gone is left to PostgreSQL.
     */
    static void takeOver(Path dataDirectory) {
        if (lockHolder(dataDirectory) != LockHolder.NONE) {
            throw new EmbeddedDatabaseException("The embedded database in " + dataDirectory
                    + " is in use by another running Relais engine (it holds " + dataDirectory.resolve(ENGINE_LOCK)
                    + ").", "Stop the other engine first, or give this one its own relais.embedded-db.data-directory.");
        }
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.in(dataDirectory);
        Optional<ProcessHandle> process = pidFile.flatMap(file -> ProcessHandle.of(file.pid()))
                .filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle.Info info = process.get().info();
        if (serves(info, dataDirectory)) {
            long started = System.nanoTime();
            String shutdown = stop(process.get(), dataDirectory);
            log.warn("Stopped the PostgreSQL server (PID {}, port {}) that a killed engine left running on {}: {} "
                            + "shutdown in {} ms", pidFile.get().pid(), pidFile.get().port(), dataDirectory, shutdown,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } else if (info.command().filter(command -> !isPostgres(command)).isPresent()) {
            delete(pidFile.get().file());
            log.warn("Removed the stale {}: the PostgreSQL server it names is gone, and its PID {} now belongs to {}",
                    pidFile.get().file(), pidFile.get().pid(), info.command().get());
        } else {
            throw new EmbeddedDatabaseException(pidFile.get().file() + " names PID " + pidFile.get().pid()
                    + ", a running process that cannot be told to be the PostgreSQL server of " + dataDirectory + " ("
                    + info.commandLine().orElse("its command line is unknown") + ").", "If that process uses "
                    + dataDirectory + ", stop it; if it does not, delete " + pidFile.get().file() + ".");
        }
    }

    /**
     * The pid file of the server that a running engine started on {@code dataDirectory}, if one runs there (in
     * another process, or in this one, as in tests).
     */
    static Optional<PostmasterPidFile> ofRunningEngine(Path dataDirectory) {
        if (lockHolder(dataDirectory) == LockHolder.NONE) {
            return Optional.empty();
        }
        return PostmasterPidFile.in(dataDirectory).filter(file -> ProcessHandle.of(file.pid())
                .filter(process -> process.isAlive() && serves(process.info(), dataDirectory)).isPresent());
    }

    /**
     * Stops the server that a failed start of this process left running on {@code dataDirectory} (still
     * recovering when the start-up wait ran out, say). A start that failed before it took the engine lock
     * started no server, and one that may be another engine's is left alone.
     */
    static void stopOwn(Path dataDirectory) {
        if (lockHolder(dataDirectory) != LockHolder.THIS_PROCESS) {
            return;
        }
        PostmasterPidFile.in(dataDirectory).flatMap(file -> ProcessHandle.of(file.pid()))
                .filter(process -> process.isAlive() && serves(process.info(), dataDirectory))
                .ifPresent(process -> stop(process, dataDirectory));
    }

    private static boolean serves(ProcessHandle.Info info, Path dataDirectory) {
        if (info.command().filter(LeftoverServer::isPostgres).isEmpty()) {
            return false;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && sameFile(Path.of(arguments[i + 1]), dataDirectory)) {
                return true;
            }
        }
        return false;
    }

    // startsWith: a server whose binaries were deleted since it started runs as "postgres (deleted)"
    private static boolean isPostgres(String command) {
        return Path.of(command).getFileName().toString().startsWith("postgres");
    }

    private static String stop(ProcessHandle server, Path dataDirectory) {
        for (Shutdown shutdown : SHUTDOWNS) {
            signal(server.pid(), shutdown.signal());
            if (awaitStopped(server, dataDirectory)) {
                return shutdown.mode();
            }
        }
        throw new EmbeddedDatabaseException("The PostgreSQL server (PID " + server.pid() + ") running on "
                + dataDirectory + " did not stop on SIGTERM, SIGINT or SIGQUIT within " + WAIT_PER_SIGNAL.toSeconds()
                + " s each.", "Stop it (pg_ctl stop -m immediate -D " + dataDirectory + ") and start the engine again.");
    }

    // the shell's kill: pg_ctl needs /bin/sh anyway, while a slim image may have no kill program
    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " " + pid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling PID " + pid, e);
        }
    }

    /** Stopped: the process is gone, or it deleted its pid file (its very last step). */
    private static boolean awaitStopped(ProcessHandle server, Path dataDirectory) {
        long deadline = System.nanoTime() + WAIT_PER_SIGNAL.toNanos();
        while (server.isAlive()
                && PostmasterPidFile.in(dataDirectory).filter(file -> file.pid() == server.pid()).isPresent()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PID " + server.pid() + " to stop", e);
            }
        }
        return true;
    }

    private static LockHolder lockHolder(Path dataDirectory) {
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(ENGINE_LOCK), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return LockHolder.ANOTHER_PROCESS;
            }
            lock.release();
            return LockHolder.NONE;
        } catch (NoSuchFileException e) {
            return LockHolder.NONE;
        } catch (OverlappingFileLockException e) {
            return LockHolder.THIS_PROCESS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum LockHolder { NONE, THIS_PROCESS, ANOTHER_PROCESS }

    private record Shutdown(String mode, String signal) {
    }
}
