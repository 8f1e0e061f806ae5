package io.relais.workflow;

/** The rule ended for good. */
public record WorkflowRuleRetired(String ruleId) {
}
