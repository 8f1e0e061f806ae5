package io.relais.eventstore;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Every stored event gets its {@link EventHash}, chained through its stream, in one pass over the streams in
 * order; from then on the engine writes the hash with each event it appends ({@link ChainedAppends}). It runs
 * after V16, which encrypted the personal data of the events stored before: the hashes cover what is finally
 * stored. The name follows Flyway's convention for Java migrations.
 */
public class V18__Chain_stored_events extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table domainevententry add column hash bytea");
        }
        try (PreparedStatement rows = connection.prepareStatement("select globalindex, type, aggregateidentifier, "
                + "sequencenumber, eventidentifier, timestamp, payloadtype, payloadrevision, payload, metadata "
                + "from domainevententry order by aggregateidentifier, sequencenumber");
             PreparedStatement update = connection.prepareStatement(
                     "update domainevententry set hash = ? where globalindex = ?")) {
            rows.setFetchSize(BATCH);
            String stream = null;
            byte[] previous = EventHash.NONE;
            int pending = 0;
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    String aggregateId = row.getString("aggregateidentifier");
                    if (!aggregateId.equals(stream)) {
                        stream = aggregateId;
                        previous = EventHash.NONE;
                    }
                    previous = EventHash.of(previous, row.getString("type"), aggregateId, row.getLong("sequencenumber"),
                            row.getString("eventidentifier"), row.getString("timestamp"), row.getString("payloadtype"),
                            row.getString("payloadrevision"), row.getString("payload"), row.getString("metadata"));
                    update.setBytes(1, previous);
                    update.setLong(2, row.getLong("globalindex"));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
