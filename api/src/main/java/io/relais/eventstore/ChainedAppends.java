package io.relais.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * Appends events as Axon's JDBC engine does, each row with its {@link EventHash}, chained to the previous event of
 * its own stream: the hash of a stream's last event is read by its unique key (the aggregate was just loaded, its
 * row is in PostgreSQL's cache), so appends to different records never wait for each other.
 */
final class ChainedAppends implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("insert into " + schema.domainEventTable() + " ("
                + schema.domainEventFields() + ", hash) values (?,?,?,?,?,?,?,?,?,?)");
        Map<String, byte[]> lastOfStream = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            String timestamp = formatInstant(event.getTimestamp());
            byte[] previous = lastOfStream.containsKey(event.getAggregateIdentifier())
                    ? lastOfStream.get(event.getAggregateIdentifier())
                    : previousHash(connection, schema, event);
            byte[] hash = EventHash.of(previous, event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getIdentifier(), timestamp, payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metaData.getData());
            lastOfStream.put(event.getAggregateIdentifier(), hash);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timestamp);
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setString(8, payload.getData());
            statement.setString(9, metaData.getData());
            statement.setBytes(10, hash);
            statement.addBatch();
        }
        return statement;
    }

    /**
     * The hash of the event before {@code event} in its stream; none before the first. A missing previous event
     * is left to the unique key to refuse (a concurrent writer took its place, or the stream is not where the
     * aggregate thought).
     */
    private static byte[] previousHash(Connection connection, EventSchema schema, DomainEventMessage<?> event)
            throws SQLException {
        if (event.getSequenceNumber() == 0) {
            return EventHash.NONE;
        }
        try (PreparedStatement query = connection.prepareStatement("select hash from " + schema.domainEventTable()
                + " where " + schema.aggregateIdentifierColumn() + " = ? and " + schema.sequenceNumberColumn() + " = ?")) {
            query.setString(1, event.getAggregateIdentifier());
            query.setLong(2, event.getSequenceNumber() - 1);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBytes(1) != null ? row.getBytes(1) : EventHash.NONE;
            }
        }
    }
}
