package io.relais.common;

import java.time.Instant;

/**
 * A past state of one record: as it stood at an instant (its events written up to then), or at one of its versions
 * (its events up to that sequence number). Exactly one of the two is given.
 */
public record AsOf(Instant instant, Long version) {

    public AsOf {
        if ((instant == null) == (version == null)) {
            throw new IllegalArgumentException("A past state is an instant or a version, not both nor neither");
        }
    }

    public static AsOf instant(Instant instant) {
        return new AsOf(instant, null);
    }

    public static AsOf version(long version) {
        return new AsOf(null, version);
    }

    /** Whether the record's event with this sequence number, written at {@code timestamp}, is part of that state. */
    public boolean includes(long sequenceNumber, Instant timestamp) {
        return version != null ? sequenceNumber <= version : !timestamp.isAfter(instant);
    }

    /** Whether a record whose last event there has this sequence number had the state: a version it reached. */
    public boolean reachedBy(long lastSequenceNumber) {
        return version == null || version == lastSequenceNumber;
    }
}
