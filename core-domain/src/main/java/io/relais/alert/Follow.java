package io.relais.alert;

import java.time.Instant;

/** A record, or a user's records, that a user follows since {@code followedAt}: the changes made since alert them. */
public record Follow(FollowedKind kind, String id, Instant followedAt) {
}
