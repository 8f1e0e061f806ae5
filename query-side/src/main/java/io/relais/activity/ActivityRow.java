package io.relais.activity;

import io.relais.projection.RecordRow;

import java.time.Instant;

/** An activity's row in the read model while a projection batch changes it. */
final class ActivityRow extends RecordRow {

    ActivityKind kind;
    ActivityStatus status;
    String subject;
    String notes;
    String accountId;
    String contactId;
    String opportunityId;
    String ownerId;
    Instant occurredAt;
    Instant dueAt;
    Instant remindAt;
    Instant completedAt;
    String outcome;
    boolean overdue;
    Instant createdAt;
    String createdBy;
    boolean personalDataErased;

    ActivityRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }

    ActivityView toView() {
        return new ActivityView(id(), version(), kind, status, subject, notes, accountId, contactId, opportunityId,
                ownerId, asStored(occurredAt), asStored(dueAt), asStored(remindAt), asStored(completedAt), outcome,
                overdue, createdAt, createdBy, updatedAt(), personalDataErased);
    }

    /** The activity is about a contact whose personal data was erased: it keeps nothing of them. */
    void erase() {
        subject = null;
        notes = null;
        outcome = null;
        personalDataErased = true;
    }
}
