package io.relais.database;

import io.relais.RelaisApplication;
import io.relais.support.HttpApi;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The engine as an OS process of its own, started like {@code java -jar api/target/relais.jar}: the real main
 * class on the application's class path (the test JVM's, without the test classes). Every start runs the same
 * command; the console of all of them goes to one file beside the data directory. Further settings (another
 * node's database, say) follow the usual ones.
 */
final class EngineProcess {

    private final Path dataDirectory;
    private final Path console;
    private final int port;
    private final List<String> command;
    private Process process;

    EngineProcess(Path dataDirectory, String adminPassword, String... settings) {
        this.dataDirectory = dataDirectory;
        this.console = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-engine.out");
        this.port = freePort();
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        this.command = Stream.concat(Stream.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classPath, RelaisApplication.class.getName(),
                "--server.port=" + port, "--relais.embedded-db.data-directory=" + dataDirectory,
                "--relais.admin.password=" + adminPassword, "--relais.security.password-hash-strength=4"),
                Arrays.stream(settings)).toList();
    }

    void start() {
        try {
            Files.createDirectories(console.getParent());
            // the embedded server's port named, not left to the engine: picked by the system while the web port is
            // not yet taken again, it could be that very port
            List<String> started = Stream.concat(command.stream(),
                    Stream.of("--relais.embedded-db.port=" + freePortOtherThan(port))).toList();
            process = new ProcessBuilder(started).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the engine answers its health check, failing at once if it exits instead. */
    void awaitHealthy() {
        HttpApi health = new HttpApi(port);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("The engine exited with " + process.exitValue() + ":\n" + console());
            }
            try {
                return health.get("/actuator/health").status() == 200;
            } catch (IllegalStateException notListeningYet) {
                return false;
            }
        });
    }

    /** {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the engine (SIGTERM, then SIGKILL), then any PostgreSQL server still running on its data directory. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (Files.isDirectory(dataDirectory)) {
            LeftoverServer.takeOver(dataDirectory);
        }
    }

    /** The owner name of this engine's claims on processor segments (Axon's default: {@code pid@host}). */
    String nodePrefix() {
        return process.pid() + "@";
    }

    HttpApi api(String user, String password) {
        return new HttpApi(port).basic(user, password);
    }

    String console() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    private static int freePortOtherThan(int taken) {
        int free = freePort();
        return free == taken ? freePortOtherThan(taken) : free;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
