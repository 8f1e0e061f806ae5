package io.relais.workflow;

/** One workflow rule by its id, retired or not. */
public record FindWorkflowRule(String ruleId) {
}
