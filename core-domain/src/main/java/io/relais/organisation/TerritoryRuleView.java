package io.relais.organisation;

/** One assignment rule of a territory. */
public record TerritoryRuleView(String ruleId, int priority, TerritoryCriteria criteria) {
}
