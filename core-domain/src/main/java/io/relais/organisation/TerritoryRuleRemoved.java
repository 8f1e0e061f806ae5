package io.relais.organisation;

/** A territory lost an assignment rule. */
public record TerritoryRuleRemoved(String territoryId, String ruleId) {
}
