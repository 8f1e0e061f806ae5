package io.relais.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The event store as an auditor takes it away (ADR 013): JSON Lines, one {@code {"event": …}} per stored event
 * in position order, every column as stored and its hash, then one {@code {"seal": …}} per seal. The offline
 * verifier ({@code java -jar relais.jar audit verify}) checks such a file without the database.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class StoreExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    StoreExport(DataSource dataSource, TransactionTemplate transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.transactions = transactions;
    }

    /** Writes the whole store, as one consistent snapshot, to {@code out}. */
    public void write(OutputStream out) {
        transactions.executeWithoutResult(status -> {
            try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
                json.setRootValueSeparator(null);
                jdbc.query("select * from domainevententry order by globalindex", (RowCallbackHandler) row -> line(json,
                        "event", () -> {
                    json.writeNumberField("position", row.getLong("globalindex"));
                    json.writeStringField("type", row.getString("type"));
                    json.writeStringField("aggregateId", row.getString("aggregateidentifier"));
                    json.writeNumberField("sequenceNumber", row.getLong("sequencenumber"));
                    json.writeStringField("eventId", row.getString("eventidentifier"));
                    json.writeStringField("timestamp", row.getString("timestamp"));
                    json.writeStringField("payloadType", row.getString("payloadtype"));
                    json.writeStringField("payloadRevision", row.getString("payloadrevision"));
                    json.writeStringField("payload", row.getString("payload"));
                    json.writeStringField("metaData", row.getString("metadata"));
                    byte[] hash = row.getBytes("hash");
                    json.writeStringField("hash", hash == null ? null : BASE64.encodeToString(hash));
                }));
                jdbc.query("select * from event_seal order by seal_number", (RowCallbackHandler) row -> line(json, "seal",
                        () -> {
                    json.writeNumberField("sealNumber", row.getLong("seal_number"));
                    json.writeNumberField("fromPosition", row.getLong("from_position"));
                    json.writeNumberField("toPosition", row.getLong("to_position"));
                    json.writeNumberField("eventCount", row.getInt("event_count"));
                    json.writeStringField("events", BASE64.encodeToString(row.getBytes("events")));
                    json.writeStringField("previousSealHash", BASE64.encodeToString(row.getBytes("previous_seal_hash")));
                    json.writeStringField("sealHash", BASE64.encodeToString(row.getBytes("seal_hash")));
                    json.writeStringField("signature", BASE64.encodeToString(row.getBytes("signature")));
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One line: {@code {"<kind>": {…}}}, the fields written by {@code fields}. */
    private static void line(JsonGenerator json, String kind, Fields fields) throws SQLException {
        try {
            json.writeStartObject();
            json.writeObjectFieldStart(kind);
            fields.write();
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Fields {
        void write() throws IOException, SQLException;
    }
}
