package io.relais.audit;

import io.relais.eventstore.EventHash;
import io.relais.eventstore.StoreHorizon;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Seals the event store in position order, block by block, once positions are stable (ADR 013). A position
 * is stable when every transaction that was in progress when it was handed out has ended: before that, an
 * event could still be committed below it (the gap problem of ADR 006). Each run first seals up to the horizon
 * the previous run took, if its transactions have all ended, then takes a new horizon. A seal covers the
 * positions and hashes of its events, chains to the previous seal and is signed by a key outside the database.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventSealer {

    static final byte[] NO_SEAL = new byte[32];
    private static final int EVENTS_PER_SEAL = 10_000;
    static final int HASH_BYTES = 32;
    static final int ENTRY_BYTES = Long.BYTES + HASH_BYTES;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SealingKeys keys;
    private final Clock clock;

    EventSealer(JdbcTemplate jdbc, TransactionTemplate transactions, SealingKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.clock = clock;
    }

    /** Seals what the previous run's horizon made stable, and takes the next horizon; the seals made. */
    public List<Seal> sealStable() {
        return transactions.execute(status -> {
            record Horizon(long position, boolean settled) {
            }
            Optional<Horizon> horizon = jdbc.query("select position, coalesce((select bool_and(pg_xact_status(x) "
                            + "is distinct from 'in progress') from unnest(open_xids) x), true) from event_seal_horizon "
                            + "for update", (row, number) -> new Horizon(row.getLong(1), row.getBoolean(2)))
                    .stream().findFirst();
            List<Seal> sealed = horizon.filter(Horizon::settled).map(h -> sealUpTo(h.position())).orElse(List.of());
            if (horizon.isEmpty() || horizon.get().settled()) {
                StoreHorizon.Taken next = new StoreHorizon(jdbc).take();
                jdbc.update("insert into event_seal_horizon (position, open_xids, taken_at) values (?, "
                        + "string_to_array(?, ',')::xid8[], now()) on conflict (id) do update set position = "
                        + "excluded.position, open_xids = excluded.open_xids, taken_at = excluded.taken_at",
                        next.position(), String.join(",", next.openTransactions()));
            }
            return sealed;
        });
    }

    /** The latest seal, if the store has one. */
    public Optional<Seal> latest() {
        return jdbc.query("select * from event_seal order by seal_number desc limit 1", (row, number) -> new Seal(
                row.getLong("seal_number"), row.getLong("from_position"), row.getLong("to_position"),
                row.getInt("event_count"), HexFormat.of().formatHex(row.getBytes("seal_hash")),
                HexFormat.of().formatHex(row.getBytes("previous_seal_hash")),
                Base64.getEncoder().encodeToString(row.getBytes("signature")),
                row.getTimestamp("sealed_at").toInstant(), keys.publicKeyPem())).stream().findFirst();
    }

    private List<Seal> sealUpTo(long horizon) {
        record Last(long number, long to, byte[] hash) {
        }
        Last last = jdbc.query("select seal_number, to_position, seal_hash from event_seal order by seal_number desc "
                        + "limit 1", (row, number) -> new Last(row.getLong(1), row.getLong(2), row.getBytes(3)))
                .stream().findFirst().orElse(new Last(0, 0, NO_SEAL));
        List<Seal> seals = new ArrayList<>();
        while (last.to() < horizon) {
            ByteBuffer events = ByteBuffer.allocate(EVENTS_PER_SEAL * ENTRY_BYTES);
            long from = last.to();
            List<Long> positions = jdbc.query("select globalindex, hash from domainevententry where globalindex > ? "
                    + "and globalindex <= ? order by globalindex limit " + EVENTS_PER_SEAL, (row, number) -> {
                events.putLong(row.getLong(1)).put(row.getBytes(2) == null ? NO_SEAL : row.getBytes(2));
                return row.getLong(1);
            }, from, horizon);
            long to = positions.size() == EVENTS_PER_SEAL ? positions.get(positions.size() - 1) : horizon;
            byte[] entries = Arrays.copyOf(events.array(), events.position());
            long number = last.number() + 1;
            byte[] sealHash = sealHash(last.hash(), number, from, to, positions.size(), entries);
            byte[] signature = keys.sign(sealHash);
            Instant now = Instant.now(clock);
            jdbc.update("insert into event_seal (seal_number, from_position, to_position, event_count, events, "
                            + "previous_seal_hash, seal_hash, signature, sealed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    number, from, to, positions.size(), entries, last.hash(), sealHash, signature, Timestamp.from(now));
            seals.add(new Seal(number, from, to, positions.size(), HexFormat.of().formatHex(sealHash),
                    HexFormat.of().formatHex(last.hash()), Base64.getEncoder().encodeToString(signature), now,
                    keys.publicKeyPem()));
            last = new Last(number, to, sealHash);
        }
        return seals;
    }

    /** SHA-256 of the previous seal's hash, the seal's number, range and count, and its events' digest. */
    static byte[] sealHash(byte[] previous, long number, long from, long to, int count, byte[] events) {
        MessageDigest digest = EventHash.sha256();
        digest.update(previous);
        digest.update(ByteBuffer.allocate(3 * Long.BYTES + Integer.BYTES).putLong(number).putLong(from).putLong(to)
                .putInt(count).array());
        digest.update(EventHash.sha256().digest(events));
        return digest.digest();
    }
}
