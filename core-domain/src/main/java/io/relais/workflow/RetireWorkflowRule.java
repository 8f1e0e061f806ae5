package io.relais.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a rule for good: it runs no more; its runs stay readable. */
public record RetireWorkflowRule(@TargetAggregateIdentifier String ruleId) {
}
