package io.relais.webform;

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
 * Projects web forms into their table, a batch of events at a time ({@link WebFormBatch}). Every event moves the
 * form's row to the event's version (so a write can wait for it); an event at or below it is skipped.
 */
@Component
@ProcessingGroup(WebFormProjection.PROCESSING_GROUP)
public class WebFormProjection {

    public static final String PROCESSING_GROUP = "web-forms";

    private final WebFormRepository repository;
    private final PastStates pastStates;

    WebFormProjection(WebFormRepository repository, PastStates pastStates) {
        this.repository = repository;
        this.pastStates = pastStates;
    }

    @EventHandler
    void on(WebFormRegistered event, DomainEventMessage<?> message) {
        WebFormRow row = new WebFormRow(event.formId(), message.getSequenceNumber(), message.getTimestamp());
        row.key = event.key();
        row.settings = event.settings();
        row.createdAt = message.getTimestamp();
        batch().forms.add(row);
    }

    @EventHandler
    void on(WebFormChanged event, DomainEventMessage<?> message) {
        update(message, row -> row.settings = event.settings());
    }

    @EventHandler
    void on(WebFormRetired event, DomainEventMessage<?> message) {
        update(message, row -> row.retired = true);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The form as it stood then: its events up to then, applied by these handlers to a row in memory. */
    @QueryHandler
    Optional<WebFormView> find(FindWebFormAsOf query) {
        return pastStates.replay(query.formId(), query.asOf(), this, WebFormBatch.inMemory())
                .flatMap(batch -> batch.forms.find(query.formId())).map(WebFormRow::toView);
    }

    private void update(DomainEventMessage<?> message, Consumer<WebFormRow> change) {
        batch().forms.update(message, change);
    }

    private WebFormBatch batch() {
        return ProjectionBatches.current(WebFormBatch.class, events -> new WebFormBatch(repository::findAll, events),
                repository::write);
    }
}
