package io.relais.organisation;

/** One territory; an empty optional when unknown. */
public record FindTerritory(String territoryId) {
}
