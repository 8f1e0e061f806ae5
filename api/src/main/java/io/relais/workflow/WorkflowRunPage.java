package io.relais.workflow;

import io.relais.common.Page;

import java.util.List;

/** A page of a rule's runs, newest event first. */
public record WorkflowRunPage(List<WorkflowRun> content, int page, int size, long totalElements)
        implements Page<WorkflowRun> {
}
