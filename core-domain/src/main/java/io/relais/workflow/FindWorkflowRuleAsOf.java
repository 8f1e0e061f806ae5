package io.relais.workflow;

import io.relais.common.AsOf;

/**
 * One workflow rule as it stood at a past instant or version, rebuilt from its events; an empty optional when it
 * did not exist then (or never had that version).
 */
public record FindWorkflowRuleAsOf(String ruleId, AsOf asOf) {
}
