package io.relais.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * One row of the event store's {@code domainevententry} table, column by column as the JDBC engine writes
 * it: the payload and metadata are the serializer's JSON text.
 */
public record StoredEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                          String timeStamp, String payloadType, String payloadRevision, String payload,
                          String metaData) {

    static final ObjectMapper ROWS = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The row the JDBC engine appends for {@code event} (as {@code JdbcEventStorageEngineStatements.appendEvents}). */
    static StoredEvent of(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new StoredEvent(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getType(), formatInstant(event.getTimestamp()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    /** The golden samples (ADR 012): a row of every event class, as a past release stored it. */
    public static List<StoredEvent> samples() {
        try {
            List<StoredEvent> samples = new ArrayList<>();
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:events/*.json")) {
                try (InputStream in = file.getInputStream()) {
                    samples.add(ROWS.readValue(in, StoredEvent.class));
                }
            }
            return samples;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the golden event samples", e);
        }
    }

    /**
     * The samples as stores hold them, one row per position: a store per revision, older ones first, each with
     * the samples of that revision where an event has one and its newest older one where it has not; in
     * aggregate and sequence order.
     */
    public static List<List<StoredEvent>> storesByRevision() {
        Collection<List<StoredEvent>> positions = samples().stream()
                .sorted(Comparator.comparing(StoredEvent::payloadRevision,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .collect(Collectors.groupingBy(sample -> List.of(sample.aggregateIdentifier(), sample.sequenceNumber()),
                        LinkedHashMap::new, Collectors.toList())).values();
        int revisions = positions.stream().mapToInt(List::size).max().orElse(0);
        return IntStream.range(0, revisions).mapToObj(nth -> positions.stream()
                        .map(position -> position.get(Math.min(nth, position.size() - 1)))
                        .sorted(Comparator.comparing(StoredEvent::aggregateIdentifier)
                                .thenComparing(StoredEvent::sequenceNumber))
                        .toList())
                .toList();
    }

    /** The row as the JDBC engine reads it back, before upcasting and deserializing. */
    public DomainEventData<String> asEntry() {
        return new GenericDomainEventEntry<>(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp,
                payloadType, payloadRevision, payload, metaData);
    }
}
