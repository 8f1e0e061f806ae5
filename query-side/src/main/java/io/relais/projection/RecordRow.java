package io.relais.projection;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A record's row in a read model while a projection batch changes it ({@link RecordRows}): the record's
 * identifier, the version of its stream the row shows, and when that version was written.
 */
public abstract class RecordRow {

    private final String id;
    private long version;
    private Instant updatedAt;

    protected RecordRow(String id, long version, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    public String id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * An instant as a {@code timestamptz} column keeps it: to the microsecond, rounded as the driver rounds. A row
     * built in memory shows, through it, what the same row read back from its table shows.
     */
    public static Instant asStored(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return instant.getNano() % 1000 >= 500 ? micros.plus(1, ChronoUnit.MICROS) : micros;
    }

    void advanceTo(DomainEventMessage<?> message) {
        version = message.getSequenceNumber();
        updatedAt = message.getTimestamp();
    }
}
