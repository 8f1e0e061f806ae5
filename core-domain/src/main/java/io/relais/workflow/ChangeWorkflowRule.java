package io.relais.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a rule's settings; the events stored from then on run the new ones, on behalf of the one who changed it. */
public record ChangeWorkflowRule(@TargetAggregateIdentifier String ruleId, WorkflowRuleSettings settings,
                                 Long expectedVersion) {
}
