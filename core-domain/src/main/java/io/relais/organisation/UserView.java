package io.relais.organisation;

import jakarta.annotation.Nullable;

import java.time.Instant;

/**
 * A user as the organisation read model shows it.
 *
 * @param version how many times the user changed since their registration (0): the user's own events, counted
 *                within the organisation's stream that holds them
 */
public record UserView(String userId, long version, String displayName, @Nullable String email, Profile profile,
                       @Nullable String managerId, boolean active, Instant registeredAt, Instant updatedAt) {
}
