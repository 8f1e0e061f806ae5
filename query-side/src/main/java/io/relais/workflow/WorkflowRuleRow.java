package io.relais.workflow;

import io.relais.projection.RecordRow;

import java.time.Instant;

/** A workflow rule's row in the read model while a projection batch changes it. */
final class WorkflowRuleRow extends RecordRow {

    WorkflowRuleSettings settings;
    WorkflowRuleStatus status;
    String authorId;
    Instant createdAt;

    WorkflowRuleRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }

    WorkflowRuleView toView() {
        return new WorkflowRuleView(id(), version(), settings, status, authorId, createdAt, updatedAt());
    }
}
