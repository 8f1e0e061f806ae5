package io.relais.organisation;

import java.util.List;

/** A territory with its rules (highest priority first) and its reps in round-robin order. */
public record TerritoryView(String territoryId, String name, List<TerritoryRuleView> rules, List<String> members) {
}
