package io.relais.organisation;

/**
 * How {@code actorId} stands towards records owned by {@code ownerId} (null: unassigned); an empty optional
 * when the actor is not an active user.
 */
public record FindUserStanding(String actorId, String ownerId) {
}
