package io.relais.organisation;

/** A territory gained an assignment rule. */
public record TerritoryRuleAdded(String territoryId, String ruleId, int priority, TerritoryCriteria criteria) {
}
