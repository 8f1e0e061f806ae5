package io.relais.organisation;

/** A territory was created. */
public record TerritoryCreated(String territoryId, String name) {
}
