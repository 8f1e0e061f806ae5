package io.relais.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;


/**
 * {@code relais.events.appended}: events durably appended (counted after their transaction commits), and
 * {@code relais.projection.lag{processor}}: how many events each processor's slowest segment is behind the head of
 * the store, wherever it is processed (segments that this node does not process count where their stored token is;
 * a processor with no token yet has the whole store ahead of it).
 */
@Configuration(proxyBeanMethods = false)
public class EventMetricsConfiguration {

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final EventProcessorStates states;

    EventMetricsConfiguration(MeterRegistry registry, EventBus eventBus, EventProcessingConfiguration processing,
                              EventProcessorStates states) {
        this.registry = registry;
        this.processing = processing;
        this.states = states;
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
    void registerProcessorGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("relais.projection.lag", streaming, p -> states.of(name, p).lag())
                        .description("Events the projection has yet to process")
                        .tag("processor", name)
                        .register(registry);
                Gauge.builder("relais.dead.letters", streaming, p -> states.of(name, p).deadLetters())
                        .description("Events set aside in the processor's dead-letter queue")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }
}
