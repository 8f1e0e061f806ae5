package io.relais.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded PostgreSQL's start, begun on a thread of its own as soon as the engine's settings are known
 * ({@link EarlyEmbeddedDatabaseStart}): initdb and the server's start take about two seconds, which the engine
 * spends meanwhile preparing everything that does not need the database yet. Its files stay in
 * {@code relais.embedded-db.data-directory}, so a restart finds every record again; a server that a killed engine
 * left running there is stopped first ({@link LeftoverServer}).
 */
public final class EmbeddedDatabaseStart implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseStart.class);

    private final CompletableFuture<EmbeddedPostgres> server;
    private final AtomicBoolean taken = new AtomicBoolean();

    EmbeddedDatabaseStart(EmbeddedDatabaseProperties properties) {
        server = CompletableFuture.supplyAsync(() -> start(properties), task -> {
            Thread thread = new Thread(task, "embedded-db-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The started server, once it has started; its failure, as the engine reports it, if it did not. */
    EmbeddedPostgres take() throws IOException {
        taken.set(true);
        try {
            return server.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Stops a server that the engine, failing to start, never took. */
    @Override
    public void destroy() throws IOException {
        if (!taken.get()) {
            EmbeddedPostgres started = server.exceptionally(failure -> null).join();
            if (started != null) {
                started.close();
            }
        }
    }

    private static EmbeddedPostgres start(EmbeddedDatabaseProperties properties) {
        Path directory = properties.dataDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LeftoverServer.takeOver(directory);
        ServerLog serverLog = ServerLog.beside(directory);
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(properties.port())
                    .setPGStartupWait(properties.startupTimeout())
                    .setOutputRedirector(serverLog.redirect())
                    // zonky turns synchronous commit off for tests; a 2xx must mean the events are on disk.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    // a parallel worker is a new process that first faults in the shared buffers it reads: on the
                    // two cores an embedded engine is measured on, the funnel's reads took up to three times longer
                    // with workers (docs/benchmarks.md); relais.embedded-db.settings can set it again
                    .setServerConfig("max_parallel_workers_per_gather", "0")
                    // stopped by the embeddedPostgres bean's close, after everything that uses it (the deadline
                    // scheduler polls until it stops), rather than by a JVM hook racing the application's shutdown
                    .setRegisterShutdownHook(false);
            properties.settings().forEach(builder::setServerConfig);
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            String cause = serverLog.tail();
            LeftoverServer.stopOwn(directory);
            throw new EmbeddedDatabaseException("The embedded PostgreSQL did not start on " + directory + ": "
                    + e.getMessage() + ". The end of its log, " + serverLog.file() + ":\n" + cause,
                    "Fix what its log says. If it was still recovering from a crash, give it more time with "
                    + "relais.embedded-db.startup-timeout (now " + properties.startupTimeout().toSeconds() + " s).", e);
        }
        log.info("Embedded PostgreSQL listening on localhost:{} with data in {} and its log in {}", postgres.getPort(),
                directory, serverLog.file());
        return postgres;
    }
}
