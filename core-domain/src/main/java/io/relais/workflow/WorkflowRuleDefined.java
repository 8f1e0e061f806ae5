package io.relais.workflow;

/** A rule was defined; it runs on behalf of the user who defined it. */
public record WorkflowRuleDefined(String ruleId, WorkflowRuleSettings settings) {
}
