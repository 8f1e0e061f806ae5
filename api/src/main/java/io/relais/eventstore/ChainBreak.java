package io.relais.eventstore;

/** Where the chain of a stream breaks: the record (aggregate) id, its sequence number, the store position, why. */
public record ChainBreak(String recordId, long sequenceNumber, long position, String reason) {
}
