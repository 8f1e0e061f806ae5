package io.relais.organisation;

/** A deactivated user may sign in again. */
public record UserReactivated(String userId) implements UserEvent {
}
