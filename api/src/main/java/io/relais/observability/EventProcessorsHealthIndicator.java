package io.relais.observability;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event processors' health: the worst of theirs. DOWN when one is stopped or in error, has a failing
 * segment, or a segment no node has processed for {@link EventProcessorState#UNCLAIMED_GRACE}; DEGRADED when one
 * holds dead letters; UP otherwise.
 */
@Component
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private static final List<Status> WORST_FIRST = List.of(Status.DOWN, EventProcessorState.DEGRADED, Status.UP);

    private final EventProcessorStates states;

    EventProcessorsHealthIndicator(EventProcessorStates states) {
        this.states = states;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = Instant.now();
        Map<String, EventProcessorState> processors = states.all();
        Map<String, Object> details = new LinkedHashMap<>();
        processors.forEach((name, state) -> details.put(name, state.details(now)));
        builder.status(processors.values().stream().map(state -> state.status(now))
                .min(Comparator.comparingInt(WORST_FIRST::indexOf)).orElse(Status.UP)).withDetails(details);
    }
}
