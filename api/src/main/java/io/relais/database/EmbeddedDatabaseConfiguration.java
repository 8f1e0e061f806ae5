package io.relais.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts PostgreSQL 17 alongside the application when no external database is configured. Its files stay in
 * {@code relais.embedded-db.data-directory}, so a restart finds every record again; a server that a killed
 * engine left running there is stopped first ({@link LeftoverServer}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path directory = properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(directory);
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
                    // stopped by this bean's close, after everything that uses it (the deadline scheduler polls
                    // until it stops), rather than by a JVM hook racing the application's shutdown
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

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }
}
