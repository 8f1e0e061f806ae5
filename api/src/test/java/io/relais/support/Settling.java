package io.relais.support;

import io.relais.eventstore.ProcessorProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Waiting for an engine's processors to catch up with its store. */
public final class Settling {

    private Settling() {
    }

    /** Waits until every segment of the processor has handled every event stored so far. */
    public static void awaitCaughtUp(EventStore eventStore, StreamingEventProcessor processor) {
        long head = ProcessorProgress.head(eventStore);
        // checked at once, not after Awaitility's first poll interval: a settle checks every processor, most of
        // which have caught up already
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .until(() -> ProcessorProgress.caughtUp(processor, head));
    }

    /** Waits until the store has stopped growing and every processor has caught up with it. */
    public static void awaitSettled(EventProcessingConfiguration processing, EventStore eventStore) {
        long head;
        do {
            head = ProcessorProgress.head(eventStore);
            processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast).forEach(processor -> awaitCaughtUp(eventStore, processor));
        } while (ProcessorProgress.head(eventStore) != head);
    }

    /** The same, for the engine {@code context}. */
    public static void awaitSettled(ApplicationContext context) {
        awaitSettled(context.getBean(EventProcessingConfiguration.class), context.getBean(EventStore.class));
    }
}
