package io.relais.eventstore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the chain of every stream it is given, row by row in stream order (record id, then sequence number):
 * each row's hash must be the one its columns and its predecessor's hash give, and the sequence numbers must
 * run 0, 1, 2 … After a break it goes on from the stored hash, so that one altered row is reported once. A
 * whole stream rewritten with recomputed hashes passes here: the signed seals catch that.
 */
public final class StreamChainCheck {

    private final List<ChainBreak> breaks = new ArrayList<>();
    private String stream;
    private long nextSequence;
    private byte[] previous = EventHash.NONE;
    private long checked;

    public void accept(ChainedRow row) {
        if (!row.aggregateId().equals(stream)) {
            stream = row.aggregateId();
            nextSequence = 0;
            previous = EventHash.NONE;
        }
        if (row.sequenceNumber() != nextSequence) {
            breaks.add(new ChainBreak(row.aggregateId(), row.sequenceNumber(), row.position(), row.sequenceNumber()
                    > nextSequence ? "events " + nextSequence + " to " + (row.sequenceNumber() - 1) + " of the record "
                    + "are missing" : "sequence number " + row.sequenceNumber() + " comes twice or out of order"));
        } else if (row.hash() == null || !Arrays.equals(row.hash(), row.expectedHash(previous))) {
            breaks.add(new ChainBreak(row.aggregateId(), row.sequenceNumber(), row.position(), row.hash() == null
                    ? "the event has no hash" : "the event's hash does not match its stored columns and the hash of "
                    + "the event before it: the event or the one before it was altered"));
        }
        nextSequence = row.sequenceNumber() + 1;
        previous = row.hash() == null ? EventHash.NONE : row.hash();
        checked++;
    }

    public List<ChainBreak> breaks() {
        return List.copyOf(breaks);
    }

    public long checked() {
        return checked;
    }
}
