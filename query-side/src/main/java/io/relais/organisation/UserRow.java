package io.relais.organisation;

import java.time.Instant;

import static io.relais.projection.RecordRow.asStored;

/** A user's row in the organisation read model while a projection batch changes it. */
final class UserRow {

    final String userId;
    long version;
    /** The sequence number, in the organisation's stream, of the last of the user's events applied. */
    long lastSequence;
    String displayName;
    String email;
    Profile profile;
    String managerId;
    boolean active = true;
    Instant registeredAt;
    Instant updatedAt;

    UserRow(String userId, long version, long lastSequence, Instant registeredAt, Instant updatedAt) {
        this.userId = userId;
        this.version = version;
        this.lastSequence = lastSequence;
        this.registeredAt = asStored(registeredAt);
        this.updatedAt = asStored(updatedAt);
    }

    /** One more of the user's events applied: the one at {@code sequence}, written at {@code at}. */
    void changedBy(long sequence, Instant at) {
        version++;
        lastSequence = sequence;
        updatedAt = asStored(at);
    }

    UserView toView() {
        return new UserView(userId, version, displayName, email, profile, managerId, active, registeredAt, updatedAt);
    }
}
