package io.relais.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The in-process PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory  where the database keeps its files; reused on the next start
 * @param port           the TCP port on localhost; 0 picks a free one
 * @param startupTimeout how long a start may take before it counts as failed; after a crash, PostgreSQL
 *                       first replays its write-ahead log (crash recovery)
 */
@ConfigurationProperties("relais.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("./data") Path dataDirectory, @DefaultValue("0") int port,
                                         @DefaultValue("2m") Duration startupTimeout) {
}
