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
        transactions.executeWithoutResult(status -> {
            try (JsonGenerator line = json.getFactory().createGenerator(out)) {
                line.setRootValueSeparator(null);
                jdbc.query(sql.toString(), (RowCallbackHandler) row -> write(row, line), parameters.toArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void write(ResultSet row, JsonGenerator line) throws SQLException {
        String payloadType = row.getString("payloadtype");
        String payload = row.getString("payload");
        String record = row.getString("record");
        int colon = record.indexOf(':');
        try {
            line.writeStartObject();
            line.writeNumberField("position", row.getLong("globalindex"));
            line.writeStringField("eventId", row.getString("eventidentifier"));
            line.writeStringField("type", payloadType.substring(payloadType.lastIndexOf('.') + 1));
            line.writeStringField("payloadType", payloadType);
            line.writeStringField("payloadRevision", row.getString("payloadrevision"));
            line.writeStringField("recordType", record.substring(0, colon));
            line.writeStringField("recordId", record.substring(colon + 1));
            line.writeStringField("aggregateType", row.getString("type"));
            line.writeStringField("aggregateId", row.getString("aggregateidentifier"));
            line.writeNumberField("sequenceNumber", row.getLong("sequencenumber"));
            line.writeStringField("timestamp", row.getString("timestamp"));
            line.writeFieldName("metaData");
            line.writeTree(json.readTree(row.getString("metadata")));
            line.writeFieldName("payload");
            line.writeTree(protection.readable(payload));
            line.writeBooleanField("personalDataErased", protection.holdsErasedData(payload));
            line.writeEndObject();
            line.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
