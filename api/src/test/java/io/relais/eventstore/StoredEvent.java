package io.relais.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * One row of the event store's {@code domainevententry} table, column by column as the JDBC engine writes
 * it: the payload and metadata are the serializer's JSON text.
 */
record StoredEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                   String timeStamp, String payloadType, String payloadRevision, String payload, String metaData) {

    /** The row the JDBC engine appends for {@code event} (as {@code JdbcEventStorageEngineStatements.appendEvents}). */
    static StoredEvent of(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new StoredEvent(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getType(), formatInstant(event.getTimestamp()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    /** The row as the JDBC engine reads it back, before upcasting and deserializing. */
    DomainEventData<String> asEntry() {
        return new GenericDomainEventEntry<>(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp,
                payloadType, payloadRevision, payload, metaData);
    }
}
