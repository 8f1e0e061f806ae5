package io.relais.organisation;

/** A user's profile changed. */
public record UserProfileChanged(String userId, Profile profile, Profile previousProfile) implements UserEvent {
}
