package io.relais.workflow;

import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The workflow rule rows one batch of events changes, written when the batch commits. */
final class WorkflowRuleBatch {

    final RecordRows<WorkflowRuleRow> rules;

    WorkflowRuleBatch(Function<Set<String>, Collection<WorkflowRuleRow>> read, List<? extends Message<?>> events) {
        rules = new RecordRows<>(events, read);
    }

    /** A batch that starts with no row and is never written: for a rule's past state. */
    static WorkflowRuleBatch inMemory() {
        return new WorkflowRuleBatch(ids -> List.of(), List.of());
    }
}
