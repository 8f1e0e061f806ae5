package io.relais.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The in-process PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory  where the database keeps its files; reused on the next start
 * @param port           the TCP port on localhost; 0 picks a free one
 * @param startupTimeout how long a start may take before it counts as failed; after a crash, PostgreSQL
 *                       first replays its write-ahead log (crash recovery)
 * @param settings       more PostgreSQL server settings ({@code postgresql.conf} names), such as
 *                       {@code shared_buffers} or {@code shared_preload_libraries: pg_stat_statements}; none of
 *                       those a {@code 2xx}'s durability rests on ({@link #DURABILITY})
 */
@ConfigurationProperties("relais.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("./data") Path dataDirectory, @DefaultValue("0") int port,
                                         @DefaultValue("2m") Duration startupTimeout,
                                         Map<String, String> settings) {

    /** Settings the engine fixes itself: an answered write must be on disk. */
    static final Set<String> DURABILITY = Set.of("synchronous_commit", "fsync", "full_page_writes");

    public EmbeddedDatabaseProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        for (String name : settings.keySet()) {
            if (DURABILITY.contains(name)) {
                throw new IllegalArgumentException("relais.embedded-db.settings." + name + " cannot be changed: "
                        + "the engine answers a write only once it is durably committed");
            }
        }
    }
}
