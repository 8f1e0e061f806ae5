package io.relais.organisation;

/** A user can no longer sign in; {@code successorId} takes over their open records, if any. */
public record UserDeactivated(String userId, String successorId) implements UserEvent {
}
