package io.relais.organisation;

/**
 * An administrator took an event out of a projection's dead letters for good, for the reason given. The failure's
 * message is not kept: a refused value in it may be a person's data.
 *
 * @param recordId  the aggregate the event belongs to; null for an event of none
 * @param causeType why applying it failed last (the exception's class); null for an event queued behind another
 */
public record DeadLetterEvicted(String processor, String eventId, String eventType, String recordId,
                                String causeType, String reason) {
}
