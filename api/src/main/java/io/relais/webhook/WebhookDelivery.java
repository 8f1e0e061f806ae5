package io.relais.webhook;

import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One event's delivery to one subscription, as its log shows it.
 *
 * @param id            the {@code webhook-id} header, the same on every attempt: the receiver's key for
 *                      de-duplication
 * @param status        {@code PENDING} (waiting or being sent), {@code DELIVERED} (answered 2xx) or {@code FAILED}
 *                      (given up after the retry period; a redelivery may be asked for)
 * @param nextAttemptAt when it is tried next, while pending
 * @param attempts      every attempt, oldest first (in a list, only the last)
 */
public record WebhookDelivery(String id, String webhookId, String eventId, long position, String eventType,
                              String recordType, String recordId, Instant occurredAt, Instant queuedAt, String status,
                              int attemptCount, @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt,
                              List<Attempt> attempts) {

    /**
     * One attempt: when, the status code it was answered with (none when no answer came: see {@code error}), and how
     * long it took.
     */
    public record Attempt(int number, Instant attemptedAt, @Nullable Integer statusCode, long latencyMillis,
                          @Nullable String error) {
    }
}
