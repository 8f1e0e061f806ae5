package io.relais.activity;

import java.time.Instant;

/** A call, e-mail, note or meeting that happened was recorded by {@code ownerId}. */
public record ActivityLogged(String activityId, ActivityKind kind, String subject, String notes, ActivityLinks links,
                             Instant occurredAt, String ownerId) {
}
