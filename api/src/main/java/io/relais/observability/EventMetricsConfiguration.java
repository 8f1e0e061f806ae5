package io.relais.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.OptionalLong;

/**
 * {@code relais.events.appended}: events durably appended (counted after their transaction commits), and
 * {@code relais.projection.lag{processor}}: how many events each projection is behind the head of the
 * store.
 */
@Configuration(proxyBeanMethods = false)
public class EventMetricsConfiguration {

    private final MeterRegistry registry;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;

    public EventMetricsConfiguration(MeterRegistry registry, EventStore eventStore, EventBus eventBus,
                                     EventProcessingConfiguration processing) {
        this.registry = registry;
        this.eventStore = eventStore;
        this.processing = processing;
        Counter appended = Counter.builder("relais.events.appended")
                .description("Events appended to the event store")
                .register(registry);
        eventBus.registerDispatchInterceptor(events -> {
            int count = events.size();
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> appended.increment(count)));
            return (index, event) -> event;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerLagGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("relais.projection.lag", streaming, this::lag)
                        .description("Events the projection has yet to process")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    double lag(StreamingEventProcessor processor) {
        OptionalLong head = eventStore.createHeadToken().position();
        OptionalLong slowest = processor.processingStatus().values().stream()
                .map(status -> status.getCurrentPosition())
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        if (head.isEmpty()) {
            return 0;
        }
        if (slowest.isEmpty()) {
            return processor.processingStatus().isEmpty() ? Double.NaN : head.getAsLong() + 1;
        }
        return Math.max(0, head.getAsLong() - slowest.getAsLong());
    }
}
