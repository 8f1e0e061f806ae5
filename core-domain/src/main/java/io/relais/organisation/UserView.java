package io.relais.organisation;

import jakarta.annotation.Nullable;

import java.time.Instant;

/** A user as the organisation read model shows it. */
public record UserView(String userId, String displayName, @Nullable String email, Profile profile,
                       @Nullable String managerId, boolean active, Instant registeredAt, Instant updatedAt) {
}
