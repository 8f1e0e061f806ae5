package io.relais.projection;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;

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

    void advanceTo(DomainEventMessage<?> message) {
        version = message.getSequenceNumber();
        updatedAt = message.getTimestamp();
    }
}
