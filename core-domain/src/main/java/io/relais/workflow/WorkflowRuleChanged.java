package io.relais.workflow;

import io.relais.common.FieldChange;

import java.util.List;

/** A rule's settings changed; {@code settings} is the whole new state. It runs on behalf of the one who changed it. */
public record WorkflowRuleChanged(String ruleId, WorkflowRuleSettings settings, List<FieldChange> changes) {
}
