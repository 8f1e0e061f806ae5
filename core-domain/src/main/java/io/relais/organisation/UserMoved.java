package io.relais.organisation;

/** A user now reports to {@code managerId} (null: to nobody). */
public record UserMoved(String userId, String managerId, String previousManagerId) implements UserEvent {
}
