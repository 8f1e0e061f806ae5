package io.relais.eventstore;

/** A row of the event store as stored, with its hash: what the chain's checks read. */
public record ChainedRow(long position, String type, String aggregateId, long sequenceNumber, String eventId,
                         String timestamp, String payloadType, String payloadRevision, String payload,
                         String metaData, byte[] hash) {

    /** The hash this row has if its stream's previous event hashed to {@code previous}. */
    byte[] expectedHash(byte[] previous) {
        return EventHash.of(previous, type, aggregateId, sequenceNumber, eventId, timestamp, payloadType,
                payloadRevision, payload, metaData);
    }
}
