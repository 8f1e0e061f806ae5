package io.relais.audit;

/** An event of the store as a seal check needs it: where it is, whose it is, its hash. */
public record SealedEvent(long position, String recordId, long sequenceNumber, byte[] hash) {
}
