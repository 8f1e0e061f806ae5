package io.relais.audit;

/** A seal as stored in {@code event_seal}: what a verification reads. */
public record StoredSeal(long number, long fromPosition, long toPosition, int eventCount, byte[] events,
                         byte[] previousSealHash, byte[] sealHash, byte[] signature) {
}
