package io.relais.webform;

import io.relais.projection.PastStates;
import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The web form rows one batch of events changes, written when the batch commits. */
final class WebFormBatch {

    final RecordRows<WebFormRow> forms;

    WebFormBatch(Function<Set<String>, Collection<WebFormRow>> read, List<? extends Message<?>> events) {
        forms = new RecordRows<>(events, read);
    }

    /** A batch that starts with no row and is never written: for a form's past state ({@link PastStates}). */
    static WebFormBatch inMemory() {
        return new WebFormBatch(ids -> List.of(), List.of());
    }
}
