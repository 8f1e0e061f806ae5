package io.relais.eventstream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.audit.AuditRecordType;
import io.relais.audit.AuditTrail;
import io.relais.eventstore.StoreHorizon;
import io.relais.personaldata.PersonalDataProtection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The event store as analysts read it (docs/events.md): events in store order, each on one JSON line with its
 * record, metadata and payload, personal values decrypted where the person's key exists and {@code null} where it
 * was erased. Only positions below which no transaction can still commit are served ({@link StoreHorizon}), so
 * that a client polling from the last position it saw never misses an event committed late into a gap.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventStream {

    /** How long a read waits for the transactions in progress to end before serving up to an older horizon. */
    private static final Duration PATIENCE = Duration.ofSeconds(1);

    /**
     * What is asked for: the events after position {@code after} up to {@code upTo}, at most {@code limit}, of these
     * stored types (all when empty) and of this kind of record (all when null).
     */
    public record Query(long after, long upTo, int limit, Set<String> payloadTypes, AuditRecordType recordType) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StoreHorizon horizon;
    private final PersonalDataProtection protection;
    private final ObjectMapper json;
    private final AtomicLong lastStable = new AtomicLong();

    EventStream(DataSource dataSource, TransactionTemplate transactions, PersonalDataProtection protection,
                ObjectMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.transactions = transactions;
        this.horizon = new StoreHorizon(new JdbcTemplate(dataSource));
        this.protection = protection;
        this.json = json;
    }

    /**
     * The position up to which the store is stable now; when a transaction still runs after a short wait, the
     * last stable position this node or the sealer knew.
     */
    public long stablePosition() {
        horizon.stable(PATIENCE).ifPresent(position -> lastStable.accumulateAndGet(position, Math::max));
        Long sealed = jdbc.queryForObject("select coalesce(max(to_position), 0) from event_seal", Long.class);
        return Math.max(lastStable.get(), sealed == null ? 0 : sealed);
    }

    /** Writes the events {@code query} asks for to {@code out}, one JSON object per line, in store order. */
    public void write(Query query, OutputStream out) {
        try (JsonGenerator line = json.getFactory().createGenerator(out)) {
            line.setRootValueSeparator(null);
            read(query, event -> event.writeLine(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives {@code each} the events {@code query} asks for, in store order, read in one transaction. */
    public void read(Query query, Consumer<StreamedEvent> each) {
        List<Object> parameters = new ArrayList<>(List.of(query.after(), query.upTo()));
        StringBuilder sql = new StringBuilder("select globalindex, eventidentifier, type, aggregateidentifier, "
                + "sequencenumber, timestamp, payloadtype, payloadrevision, payload, metadata, " + AuditTrail.RECORD
                + " as record from domainevententry where globalindex > ? and globalindex <= ?");
        if (!query.payloadTypes().isEmpty()) {
            sql.append(" and payloadtype = any(string_to_array(?, ','))");
            parameters.add(String.join(",", query.payloadTypes()));
        }
        if (query.recordType() != null) {
            sql.append(" and ").append(AuditTrail.RECORD).append(" like ?");
            parameters.add(query.recordType().name() + ":%");
        }
        sql.append(" order by globalindex limit ?");
        parameters.add(query.limit());
        transactions.executeWithoutResult(status -> jdbc.query(sql.toString(),
                (RowCallbackHandler) row -> each.accept(event(row)), parameters.toArray()));
    }

    private StreamedEvent event(ResultSet row) throws SQLException {
        String payloadType = row.getString("payloadtype");
        String payload = row.getString("payload");
        String record = row.getString("record");
        int colon = record.indexOf(':');
        try {
            return new StreamedEvent(row.getLong("globalindex"), row.getString("eventidentifier"),
                    payloadType.substring(payloadType.lastIndexOf('.') + 1), payloadType,
                    row.getString("payloadrevision"), record.substring(0, colon), record.substring(colon + 1),
                    row.getString("type"), row.getString("aggregateidentifier"), row.getLong("sequencenumber"),
                    row.getString("timestamp"), json.readTree(row.getString("metadata")), protection.readable(payload),
                    protection.holdsErasedData(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
