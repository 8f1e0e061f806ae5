package io.relais.organisation;

/** A user no longer receives a territory's leads. */
public record TerritoryMemberRemoved(String territoryId, String userId) {
}
