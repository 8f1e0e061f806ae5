package io.relais.organisation;

/** A user was added. */
public record UserRegistered(String userId, String displayName, String email, Profile profile, String managerId)
        implements UserEvent {
}
