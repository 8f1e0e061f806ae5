package io.relais.webform;

import io.relais.projection.RecordRow;

import java.time.Instant;

/** A web form's row in the read model while a projection batch changes it. */
final class WebFormRow extends RecordRow {

    String key;
    WebFormSettings settings;
    boolean retired;
    Instant createdAt;

    WebFormRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }

    WebFormView toView() {
        return new WebFormView(id(), version(), key, settings, retired, createdAt, updatedAt());
    }
}
