package io.relais.workflow;

import java.time.Instant;

/**
 * A workflow rule as the read model shows it.
 *
 * @param authorId who defined or last changed it: the rule runs on their behalf
 */
public record WorkflowRuleView(String id, long version, WorkflowRuleSettings settings, WorkflowRuleStatus status,
                               String authorId, Instant createdAt, Instant updatedAt) {
}
