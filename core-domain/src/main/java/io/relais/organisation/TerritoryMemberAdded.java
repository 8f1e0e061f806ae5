package io.relais.organisation;

/** A user became one of a territory's reps. */
public record TerritoryMemberAdded(String territoryId, String userId) {
}
