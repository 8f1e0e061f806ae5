package io.relais.projection;

import io.relais.common.AsOf;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A record's past state, rebuilt by its projection's own event handlers: the record's events up to that state, read
 * from the event store (through the engine's serializer and upcasters, as every reader of events), are applied in
 * memory to a collector of the kind the projection's batches use, which starts empty and is never written
 * ({@link ProjectionBatches#inMemory}). So the rules that build a record's current row build its past ones.
 */
@Component
public class PastStates {

    private final EventStore events;
    private final Map<Object, AnnotationEventHandlerAdapter> handlers = new ConcurrentHashMap<>();

    public PastStates(EventStore events) {
        this.events = events;
    }

    /**
     * Applies the events of record {@code recordId} that make its state {@code asOf} to {@code collector} with the
     * event handlers of {@code projection}; empty when the record had no such state (it did not exist yet, or never
     * had that version).
     */
    public <B> Optional<B> replay(String recordId, AsOf asOf, Object projection, B collector) {
        return replay(recordId, event -> true, asOf, projection, collector);
    }

    /**
     * The same for a record whose events share a stream with others' (a user's, in the organisation's stream): the
     * events of stream {@code streamId} that {@code ofRecord} picks, its versions counting them alone.
     */
    public <B> Optional<B> replay(String streamId, Predicate<DomainEventMessage<?>> ofRecord, AsOf asOf,
                                  Object projection, B collector) {
        List<DomainEventMessage<?>> past = new ArrayList<>();
        // from its first event, not from a snapshot: a projection knows events, not aggregates
        DomainEventStream stream = events.readEvents(streamId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!ofRecord.test(event)) {
                continue;
            }
            if (!asOf.includes(past.size(), event.getTimestamp())) {
                break;
            }
            // handlers that keep an event's store position get its place in its stream, the one order that counts
            // within one record
            past.add(new GenericTrackedDomainEventMessage<>(
                    new GlobalSequenceTrackingToken(event.getSequenceNumber()), event));
        }
        if (past.isEmpty() || !asOf.reachedBy(past.size() - 1)) {
            return Optional.empty();
        }
        AnnotationEventHandlerAdapter handler = handlers.computeIfAbsent(projection, AnnotationEventHandlerAdapter::new);
        ProjectionBatches.inMemory(collector, past, handler::handle);
        return Optional.of(collector);
    }
}
