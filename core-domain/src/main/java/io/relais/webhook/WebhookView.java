package io.relais.webhook;

import jakarta.annotation.Nullable;

import java.time.Instant;

/** A webhook subscription as the read model shows it (never its secret). */
public record WebhookView(String id, long version, WebhookSettings settings, WebhookStatus status,
                          @Nullable String suspendedReason, @Nullable Instant suspendedAt, Instant secretSetAt,
                          Instant createdAt, Instant updatedAt) {
}
