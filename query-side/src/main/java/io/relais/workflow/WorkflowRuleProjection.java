package io.relais.workflow;

import io.relais.common.AuditMetadata;
import io.relais.projection.PastStates;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Projects workflow rules into their table, a batch of events at a time ({@link WorkflowRuleBatch}). Every event
 * moves the rule's row to the event's version (so a write can wait for it); an event at or below it is skipped.
 */
@Component
@ProcessingGroup(WorkflowRuleProjection.PROCESSING_GROUP)
public class WorkflowRuleProjection {

    public static final String PROCESSING_GROUP = "workflow-rules";

    private final WorkflowRuleRepository repository;
    private final PastStates pastStates;

    WorkflowRuleProjection(WorkflowRuleRepository repository, PastStates pastStates) {
        this.repository = repository;
        this.pastStates = pastStates;
    }

    @EventHandler
    void on(WorkflowRuleDefined event, DomainEventMessage<?> message) {
        WorkflowRuleRow row = new WorkflowRuleRow(event.ruleId(), message.getSequenceNumber(), message.getTimestamp());
        row.settings = event.settings();
        row.status = WorkflowRuleStatus.ACTIVE;
        row.authorId = author(message);
        row.createdAt = message.getTimestamp();
        batch().rules.add(row);
    }

    @EventHandler
    void on(WorkflowRuleChanged event, DomainEventMessage<?> message) {
        update(message, row -> {
            row.settings = event.settings();
            row.authorId = author(message);
        });
    }

    @EventHandler
    void on(WorkflowRuleRetired event, DomainEventMessage<?> message) {
        update(message, row -> row.status = WorkflowRuleStatus.RETIRED);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The rule as it stood then: its events up to then, applied by these handlers to a row in memory. */
    @QueryHandler
    Optional<WorkflowRuleView> find(FindWorkflowRuleAsOf query) {
        return pastStates.replay(query.ruleId(), query.asOf(), this, WorkflowRuleBatch.inMemory())
                .flatMap(batch -> batch.rules.find(query.ruleId())).map(WorkflowRuleRow::toView);
    }

    private static String author(DomainEventMessage<?> message) {
        return String.valueOf(message.getMetaData().get(AuditMetadata.USER_ID));
    }

    private void update(DomainEventMessage<?> message, Consumer<WorkflowRuleRow> change) {
        batch().rules.update(message, change);
    }

    private WorkflowRuleBatch batch() {
        return ProjectionBatches.current(WorkflowRuleBatch.class,
                events -> new WorkflowRuleBatch(repository::findAll, events), repository::write);
    }
}
