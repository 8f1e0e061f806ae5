package io.relais.webhook;

import io.relais.projection.RecordRow;

import java.time.Instant;

/** A webhook subscription's row in the read model while a projection batch changes it. */
final class WebhookRow extends RecordRow {

    WebhookSettings settings;
    WebhookStatus status;
    String suspendedReason;
    Instant suspendedAt;
    String secretId;
    Instant secretSetAt;
    Instant createdAt;

    WebhookRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }

    WebhookView toView() {
        return new WebhookView(id(), version(), settings, status, suspendedReason, suspendedAt, secretSetAt,
                createdAt, updatedAt());
    }
}
