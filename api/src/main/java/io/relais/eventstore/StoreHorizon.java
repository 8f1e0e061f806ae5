package io.relais.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * How far the store's positions are stable: no transaction can still commit an event at or below them (the gap
 * problem of ADR 006). A horizon is the last position handed out, then the transactions in progress, read in two
 * statements so that the second sees every transaction that took one of those positions (a transaction takes its
 * id before its position: V22); once they have all ended, the horizon is stable.
 */
public final class StoreHorizon {

    /** The positions handed out up to {@code position}, while transactions {@code openTransactions} were running. */
    public record Taken(long position, List<String> openTransactions) {
    }

    private final JdbcTemplate jdbc;

    public StoreHorizon(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes a horizon, outside a transaction or in a READ COMMITTED one (each statement sees anew). */
    public Taken take() {
        Long position = jdbc.queryForObject("select case when is_called then last_value else 0 end "
                + "from domainevententry_globalindex_seq", Long.class);
        List<String> open = jdbc.queryForList("select x::text from pg_snapshot_xip(pg_current_snapshot()) x",
                String.class);
        return new Taken(position == null ? 0 : position, open);
    }

    /** Whether every transaction in progress when {@code horizon} was taken has ended. */
    public boolean settled(Taken horizon) {
        if (horizon.openTransactions().isEmpty()) {
            return true;
        }
        Boolean ended = jdbc.queryForObject("select coalesce(bool_and(pg_xact_status(x::xid8) is distinct from "
                + "'in progress'), true) from unnest(string_to_array(?, ',')) x", Boolean.class,
                String.join(",", horizon.openTransactions()));
        return Boolean.TRUE.equals(ended);
    }

    /**
     * The position up to which the store is stable now: a horizon taken now, once its transactions have ended,
     * waiting for them at most {@code patience}; empty when one of them is still running then.
     */
    public OptionalLong stable(Duration patience) {
        Taken horizon = take();
        long deadline = System.nanoTime() + patience.toNanos();
        while (!settled(horizon)) {
            if (System.nanoTime() > deadline) {
                return OptionalLong.empty();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(horizon.position());
    }
}
