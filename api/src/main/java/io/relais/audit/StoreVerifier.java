package io.relais.audit;

import io.relais.eventstore.ChainBreak;
import io.relais.eventstore.ChainedRow;
import io.relais.eventstore.StreamChainCheck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Verifies the event store as it is in the database (ADR 013): the chain of every stream with events in the
 * range, and every seal from the first (its hash, chain and signature) with the events it covers in the range.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class StoreVerifier {

    static final int MAX_PROBLEMS = 1000;
    private static final String ROW = "select globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, "
            + "timestamp, payloadtype, payloadrevision, payload, metadata, hash from domainevententry ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SealingKeys keys;

    StoreVerifier(DataSource dataSource, TransactionTemplate transactions, SealingKeys keys) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.transactions = transactions;
        this.keys = keys;
    }

    /** Verifies the events after position {@code from} (null: the first) up to {@code to} (null: the last). */
    public Verification verify(Long from, Long to) {
        return transactions.execute(status -> {
            long lower = from == null ? 0 : from;
            long upper = to != null ? to : jdbc.queryForObject("select greatest(coalesce(max(globalindex), 0), "
                    + "coalesce((select max(to_position) from event_seal), 0)) from domainevententry", Long.class);
            StreamChainCheck streams = new StreamChainCheck();
            jdbc.query(ROW + "where aggregateidentifier in (select aggregateidentifier from domainevententry "
                    + "where globalindex > ? and globalindex <= ?) order by aggregateidentifier, sequencenumber",
                    row -> {
                        streams.accept(chainedRow(row));
                    }, lower, upper);
            SealCheck seals = new SealCheck(keys.publicKeyPem(), lower, upper);
            jdbc.query("select * from event_seal order by seal_number", row -> {
                StoredSeal seal = new StoredSeal(row.getLong("seal_number"), row.getLong("from_position"),
                        row.getLong("to_position"), row.getInt("event_count"), row.getBytes("events"),
                        row.getBytes("previous_seal_hash"), row.getBytes("seal_hash"), row.getBytes("signature"));
                boolean inRange = seal.toPosition() > lower && seal.fromPosition() < upper;
                seals.accept(seal, inRange ? events(seal, lower, upper) : null);
            });
            List<VerificationProblem> problems = new ArrayList<>();
            for (ChainBreak broken : streams.breaks()) {
                problems.add(new VerificationProblem(broken.recordId(), broken.sequenceNumber(), broken.position(),
                        null, broken.reason()));
            }
            problems.addAll(seals.problems());
            problems.sort(Comparator.comparing(VerificationProblem::position,
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            return new Verification(problems.isEmpty(), lower, upper, streams.checked(), seals.checked(),
                    seals.sealedUpTo(), problems.subList(0, Math.min(MAX_PROBLEMS, problems.size())));
        });
    }

    /** The store's events now in the part of {@code seal}'s range that is within (lower, upper]. */
    private List<SealedEvent> events(StoredSeal seal, long lower, long upper) {
        return jdbc.query("select globalindex, aggregateidentifier, sequencenumber, hash from domainevententry "
                        + "where globalindex > ? and globalindex <= ? order by globalindex",
                (row, number) -> new SealedEvent(row.getLong(1), row.getString(2), row.getLong(3), row.getBytes(4)),
                Math.max(seal.fromPosition(), lower), Math.min(seal.toPosition(), upper));
    }

    private static ChainedRow chainedRow(ResultSet row) throws SQLException {
        return new ChainedRow(row.getLong("globalindex"), row.getString("type"), row.getString("aggregateidentifier"),
                row.getLong("sequencenumber"), row.getString("eventidentifier"), row.getString("timestamp"),
                row.getString("payloadtype"), row.getString("payloadrevision"), row.getString("payload"),
                row.getString("metadata"), row.getBytes("hash"));
    }
}
