package io.relais.cluster;

import io.relais.eventstore.EventStoreConfiguration;
import io.relais.eventstore.EventStoreProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine nodes sharing this database. Each says it is alive every few seconds; a node is live while its last
 * word is more recent than a segment claim's timeout, the time after which the others would take its segments
 * anyway. A node that stops cleanly leaves at once; a killed one is forgotten a day later.
 */
@Component
class EngineNodes {

    private final JdbcTemplate jdbc;
    private final long claimTimeoutMillis;

    EngineNodes(JdbcTemplate jdbc, EventStoreProperties properties) {
        this.jdbc = jdbc;
        this.claimTimeoutMillis = properties.claimTimeout().toMillis();
    }

    /** Says this node is alive; answers how many nodes are, this one included. */
    int beat() {
        jdbc.update("insert into engine_node (node_id, started_at, last_seen) values (?, now(), now()) "
                + "on conflict (node_id) do update set last_seen = now()", EventStoreConfiguration.THIS_NODE);
        jdbc.update("delete from engine_node where last_seen < now() - interval '1 day'");
        Integer live = jdbc.queryForObject("select count(*) from engine_node "
                + "where last_seen > now() - make_interval(secs => ? / 1000.0)", Integer.class, claimTimeoutMillis);
        return live == null ? 1 : live;
    }

    void leave() {
        jdbc.update("delete from engine_node where node_id = ?", EventStoreConfiguration.THIS_NODE);
    }
}
