package io.relais.organisation;

import java.time.Instant;

/** A user as the organisation read model shows it. */
public record UserView(String userId, String displayName, String email, Profile profile, String managerId,
                       boolean active, Instant registeredAt, Instant updatedAt) {
}
