package io.relais.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash of a stored event (issue 13, ADR 013): SHA-256 over the hash of the previous event of its stream (32
 * zero bytes for the first) and every column of the row as stored (aggregate type and id, sequence number,
 * event id, timestamp text, payload type and revision, payload and metadata text, so the ciphertext of personal
 * data: an erasure never changes it). Each value is length-prefixed, so that no two rows give the same bytes.
 */
public final class EventHash {

    public static final int LENGTH = 32;
    static final byte[] NONE = new byte[LENGTH];

    private EventHash() {
    }

    /** The hash of a row whose stream's previous event hashed to {@code previous}. */
    public static byte[] of(byte[] previous, String type, String aggregateId, long sequenceNumber, String eventId,
                            String timestamp, String payloadType, String payloadRevision, String payload,
                            String metaData) {
        MessageDigest digest = sha256();
        digest.update(previous);
        for (String value : new String[]{type, aggregateId, Long.toString(sequenceNumber), eventId, timestamp,
                payloadType, payloadRevision, payload, metaData}) {
            if (value == null) {
                digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
        }
        return digest.digest();
    }

    /** A new SHA-256 digest (the JDK always has one). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
