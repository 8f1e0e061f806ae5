package io.relais.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a rule: from now on, each event of its type for which its condition holds runs its action. */
public record DefineWorkflowRule(@TargetAggregateIdentifier String ruleId, WorkflowRuleSettings settings) {
}
