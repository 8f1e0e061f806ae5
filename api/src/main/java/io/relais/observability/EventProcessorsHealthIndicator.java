package io.relais.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** DOWN when an event processor is stopped or one of its segments is failing. */
@Component
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            boolean running = entry.getValue().isRunning();
            boolean error = entry.getValue().isError();
            detail.put("running", running);
            detail.put("error", error);
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                long failing = streaming.processingStatus().values().stream().filter(s -> s.isErrorState()).count();
                detail.put("segmentsClaimed", streaming.processingStatus().size());
                detail.put("segmentsFailing", failing);
                error |= failing > 0;
            }
            healthy &= running && !error;
            details.put(entry.getKey(), detail);
        }
        (healthy ? builder.up() : builder.down()).withDetails(details);
    }
}
