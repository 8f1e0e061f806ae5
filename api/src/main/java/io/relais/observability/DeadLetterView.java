package io.relais.observability;

import jakarta.annotation.Nullable;

import java.time.Instant;

/**
 * An event a projection set aside because applying it failed; the events after it of the same record wait behind it.
 *
 * @param type           the event, such as LeadDetailsUpdated
 * @param recordId       the aggregate it belongs to
 * @param occurredAt     when the event was stored
 * @param enqueuedAt     when it was set aside (its first failure, or when it was queued behind one)
 * @param lastTouched    when it was last tried
 * @param attempts       how many times applying it failed (0 for an event queued behind another)
 * @param causeType      why it failed last (the exception's class); null for an event queued behind another
 * @param causeMessage   the exception's message
 */
public record DeadLetterView(String eventId, String type, @Nullable String recordId, @Nullable Long sequenceNumber,
                             Instant occurredAt, Instant enqueuedAt, Instant lastTouched, int attempts,
                             @Nullable String causeType,
                             @Nullable String causeMessage) {
}
