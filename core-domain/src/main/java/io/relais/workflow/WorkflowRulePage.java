package io.relais.workflow;

import io.relais.common.Page;

import java.util.List;

/** A page of workflow rules. */
public record WorkflowRulePage(List<WorkflowRuleView> content, int page, int size, long totalElements)
        implements Page<WorkflowRuleView> {
}
