package io.relais.workflow;

import io.relais.common.PageRequest;

/** A page of workflow rules by name, {@code text} in the name or event type; retired ones when asked. */
public record FindWorkflowRules(String text, boolean includeRetired, PageRequest page) {
}
