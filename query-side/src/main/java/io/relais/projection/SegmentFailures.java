package io.relais.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The failed batches of this node's event processors. Axon rolls a failed batch back, releases its segment and
 * retries it after a back-off: the segment is failing until one of its batches commits. The events of a failed
 * batch are remembered until a batch holding them commits, so that a projection retries them one by one
 * ({@link ProjectionTransactions}), wherever the retried batch starts or ends.
 */
@Component
public class SegmentFailures {

    private static final String OBSERVED = SegmentFailures.class.getName();
    private static final int CAUSE_LENGTH = 500;

    /** A segment's batches have been rolling back since {@code since}, the last one because of {@code cause}. */
    public record Failure(Instant since, String cause) {
    }

    private final Map<String, Map<Integer, Failure>> failing = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> failedEvents = new ConcurrentHashMap<>();

    @Autowired
    void observeEveryProcessor(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> observer(processor));
    }

    /** Follows the outcome of the processor's batches. */
    MessageHandlerInterceptor<EventMessage<?>> observer(String processor) {
        return (unitOfWork, chain) -> {
            if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batch
                    && batch.resources().putIfAbsent(OBSERVED, Boolean.TRUE) == null) {
                observe(processor, batch);
            }
            return chain.proceed();
        };
    }

    /** The failing segments of the processor, by segment id. */
    public Map<Integer, Failure> failing(String processor) {
        return Map.copyOf(failing.getOrDefault(processor, Map.of()));
    }

    /** Whether the batch holds an event of one of the processor's failed batches. */
    boolean holdsFailedEvents(String processor, BatchingUnitOfWork<?> batch) {
        Set<String> failed = failedEvents.get(processor);
        return failed != null && batch.getMessages().stream().map(Message::getIdentifier).anyMatch(failed::contains);
    }

    private void observe(String processor, BatchingUnitOfWork<?> batch) {
        // the pooled processor's work package names the batch's segment with this resource
        Integer segment = batch.getResource("Processor[" + processor + "]/SegmentId");
        batch.afterCommit(u -> committed(processor, segment, batch));
        batch.onRollback(u -> rolledBack(processor, segment, batch, u.getExecutionResult().getExceptionResult()));
    }

    private void committed(String processor, Integer segment, BatchingUnitOfWork<?> batch) {
        Map<Integer, Failure> segments = failing.get(processor);
        if (segments != null && segment != null) {
            segments.remove(segment);
        }
        failedEvents.computeIfPresent(processor, (p, failed) -> {
            batch.getMessages().forEach(message -> failed.remove(message.getIdentifier()));
            return failed.isEmpty() ? null : failed;
        });
    }

    private void rolledBack(String processor, Integer segment, BatchingUnitOfWork<?> batch, Throwable cause) {
        if (segment != null) {
            String text = String.valueOf(cause);
            Failure failure = new Failure(Instant.now(), text.substring(0, Math.min(text.length(), CAUSE_LENGTH)));
            failing.computeIfAbsent(processor, p -> new ConcurrentHashMap<>())
                    .merge(segment, failure, (earlier, last) -> new Failure(earlier.since(), last.cause()));
        }
        failedEvents.compute(processor, (p, failed) -> {
            Set<String> events = failed == null ? ConcurrentHashMap.newKeySet() : failed;
            batch.getMessages().forEach(message -> events.add(message.getIdentifier()));
            return events;
        });
    }
}
