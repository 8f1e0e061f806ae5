package io.relais.webhook;

import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The webhook subscription rows one batch of events changes, written when the batch commits. */
final class WebhookBatch {

    final RecordRows<WebhookRow> webhooks;

    WebhookBatch(Function<Set<String>, Collection<WebhookRow>> read, List<? extends Message<?>> events) {
        webhooks = new RecordRows<>(events, read);
    }

    /** A batch that starts with no row and is never written: for a subscription's past state. */
    static WebhookBatch inMemory() {
        return new WebhookBatch(ids -> List.of(), List.of());
    }
}
