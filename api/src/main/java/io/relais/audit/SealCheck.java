package io.relais.audit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks seals in order (ADR 013): each must follow the previous one (number, range, previous hash), match its
 * hash, and carry a signature the public key verifies. The events of an authentic seal are then compared with the
 * store as it is now: an event changed (its hash differs), deleted or inserted since it was sealed is located by
 * its position. A seal that is not authentic proves nothing about its events, and says so.
 */
public final class SealCheck {

    private final String publicKeyPem;
    private final long lower;
    private final long upper;
    private final List<VerificationProblem> problems = new ArrayList<>();
    private long lastNumber;
    private long lastTo;
    private byte[] lastHash = EventSealer.NO_SEAL;
    private long checked;

    /** A check of the seals whose events are compared with the store's after position {@code lower} up to {@code upper}. */
    public SealCheck(String publicKeyPem, long lower, long upper) {
        this.publicKeyPem = publicKeyPem;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * Checks {@code seal}, and compares its events with {@code current}, the store's events now in its range
     * (within the range checked), in position order; null for a seal outside that range.
     */
    public void accept(StoredSeal seal, List<SealedEvent> current) {
        if (seal.number() != lastNumber + 1) {
            problem(seal, null, "seals " + (lastNumber + 1) + " to " + (seal.number() - 1) + " are missing");
        }
        if (seal.fromPosition() != lastTo) {
            problem(seal, null, "the seal starts after position " + seal.fromPosition() + ", the one before ended at "
                    + lastTo);
        }
        if (!Arrays.equals(seal.previousSealHash(), lastHash)) {
            problem(seal, null, "the seal does not chain to the one before it");
        }
        byte[] expected = EventSealer.sealHash(seal.previousSealHash(), seal.number(), seal.fromPosition(),
                seal.toPosition(), seal.eventCount(), seal.events());
        boolean authentic = true;
        if (!Arrays.equals(expected, seal.sealHash()) || seal.events().length != seal.eventCount() * EventSealer.ENTRY_BYTES) {
            problem(seal, null, "the seal does not match its own hash: the seal was altered");
            authentic = false;
        } else if (!SealingKeys.verifies(publicKeyPem, seal.sealHash(), seal.signature())) {
            problem(seal, null, "the seal's signature does not verify with the public key: it was not made by the "
                    + "engine's signing key");
            authentic = false;
        }
        if (authentic && current != null) {
            compare(seal, current);
        }
        lastNumber = seal.number();
        lastTo = seal.toPosition();
        lastHash = seal.sealHash();
        checked++;
    }

    public List<VerificationProblem> problems() {
        return List.copyOf(problems);
    }

    public long checked() {
        return checked;
    }

    public long sealedUpTo() {
        return lastTo;
    }

    private void compare(StoredSeal seal, List<SealedEvent> current) {
        Map<Long, SealedEvent> now = new LinkedHashMap<>();
        current.forEach(event -> now.put(event.position(), event));
        ByteBuffer entries = ByteBuffer.wrap(seal.events());
        byte[] hash = new byte[EventSealer.HASH_BYTES];
        while (entries.hasRemaining()) {
            long position = entries.getLong();
            entries.get(hash);
            if (position <= lower || position > upper) {
                continue;
            }
            SealedEvent event = now.remove(position);
            if (event == null) {
                problems.add(new VerificationProblem(null, null, position, seal.number(),
                        "the event sealed at this position was deleted"));
            } else if (!Arrays.equals(event.hash(), hash)) {
                problems.add(new VerificationProblem(event.recordId(), event.sequenceNumber(), position, seal.number(),
                        "the event changed after it was sealed (its hash differs from the sealed one)"));
            }
        }
        now.values().forEach(event -> problems.add(new VerificationProblem(event.recordId(), event.sequenceNumber(),
                event.position(), seal.number(), "the event was inserted into a range already sealed")));
    }

    private void problem(StoredSeal seal, Long position, String reason) {
        problems.add(new VerificationProblem(null, null, position == null ? seal.toPosition() : position,
                seal.number(), reason));
    }
}
