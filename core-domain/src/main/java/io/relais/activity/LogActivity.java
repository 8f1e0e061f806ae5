package io.relais.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record a call, e-mail, note or meeting that happened (at {@code occurredAt}, default now). */
public record LogActivity(@TargetAggregateIdentifier String activityId, ActivityKind kind, String subject, String notes,
                          ActivityLinks links, Instant occurredAt) {
}
