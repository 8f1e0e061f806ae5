package io.relais.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.relais.eventstore.EventSampleHistories.History;
import io.relais.eventstore.EventSampleHistories.Recorded;
import io.relais.support.ApiTestSupport;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are the permanent record (ADR 012). Every event class has a golden sample under
 * {@code src/test/resources/events}: the row the JDBC event store keeps for it, written once by the release
 * that gave the event its shape and never edited. Every sample must still load through the engine's own
 * serializer and upcaster chain, read back to the JSON it was stored as, and replay through its aggregate's
 * event-sourcing handlers. The engine's Axon configuration supplies all three, so that an upcaster registered
 * tomorrow is applied here too.
 */
class StoredEventSamplesTest extends ApiTestSupport {

    /** Set to {@code true} to write the samples that are missing (from {@link EventSampleHistories}). */
    private static final String WRITE_MISSING = "relais.write-event-samples";
    private static final Path SAMPLE_FOLDER = Path.of("src/test/resources/events");
    private static final ObjectMapper ROWS = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper TREES = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Autowired
    private Configuration axon;

    @Test
    void everyEventClassHasASampleOfItsCurrentRevision() {
        Set<String> sampled = StoredEvent.samples().stream()
                .map(sample -> sampleName(sample.payloadType(), sample.payloadRevision()))
                .collect(Collectors.toSet());

        List<String> unsampled = eventClasses().stream()
                .map(event -> axon.eventSerializer().typeForClass(event))
                .map(type -> sampleName(type.getName(), type.getRevision()))
                .filter(name -> !sampled.contains(name))
                .toList();

        assertThat(unsampled).as("Events without a golden sample of their current revision: append an example to "
                + "EventSampleHistories and run this test once with -D" + WRITE_MISSING + "=true").isEmpty();
    }

    @Test
    void everySampleLoadsAsItsEventAndReadsBackToTheJsonItWasStoredAs() {
        Set<Class<?>> events = eventClasses();
        List<String> problems = new ArrayList<>();
        for (StoredEvent sample : StoredEvent.samples()) {
            try {
                List<SerializedType> upcastTypes = upcastTypes(sample);
                read(List.of(sample)).asStream()
                        .forEach(event -> problems.addAll(problemsReading(sample, upcastTypes, event, events)));
            } catch (RuntimeException e) {
                problems.add(sample.payloadType() + ": " + describe(e));
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Each aggregate's samples form a stream, replayed in sequence order. A changed event has a sample per
     * revision at the same position: the stream is then replayed once per revision (older ones first).
     */
    @Test
    void everyAggregateReplaysTheSamplesOfItsEvents() {
        Map<String, Class<?>> aggregates = new LinkedHashMap<>();
        for (AggregateConfiguration<?> aggregate : axon.findModules(AggregateConfiguration.class)) {
            aggregates.put(model(aggregate.aggregateType()).type(), aggregate.aggregateType());
        }
        Map<List<String>, Map<Long, List<StoredEvent>>> streams = StoredEvent.samples().stream()
                .sorted(Comparator.comparing(StoredEvent::payloadRevision, Comparator.nullsFirst(Comparator.naturalOrder())))
                .collect(Collectors.groupingBy(sample -> List.of(sample.type(), sample.aggregateIdentifier()),
                        LinkedHashMap::new, Collectors.groupingBy(StoredEvent::sequenceNumber, TreeMap::new,
                                Collectors.toList())));

        List<String> problems = new ArrayList<>();
        streams.forEach((stream, positions) -> {
            List<Long> sequence = List.copyOf(positions.keySet());
            if (!sequence.equals(LongStream.range(0, positions.size()).boxed().toList())) {
                problems.add(stream + " has sequence numbers " + sequence + ": a stored stream counts from 0, one by one");
            } else if (!aggregates.containsKey(stream.get(0))) {
                problems.add(stream + " belongs to no aggregate of the engine " + aggregates.keySet());
            } else {
                int revisions = positions.values().stream().mapToInt(List::size).max().orElseThrow();
                for (int revision = 0; revision < revisions; revision++) {
                    int nth = revision;
                    List<StoredEvent> rows = positions.values().stream()
                            .map(samples -> samples.get(Math.min(nth, samples.size() - 1))).toList();
                    try {
                        EventSourcedAggregate<?> replayed = replay(aggregates.get(stream.get(0)), rows);
                        assertThat(replayed.identifierAsString()).isEqualTo(stream.get(1));
                        assertThat(replayed.version()).isEqualTo(rows.size() - 1L);
                    } catch (Exception | AssertionError e) {
                        problems.add(stream + ": " + describe(e));
                    }
                }
            }
        });
        assertThat(streams.keySet()).extracting(stream -> stream.get(0)).containsAll(aggregates.keySet());
        assertThat(problems).isEmpty();
    }

    /** Writes the samples that are missing; an existing sample is the record of a past release and stays as it is. */
    @Test
    @EnabledIfSystemProperty(named = WRITE_MISSING, matches = "true")
    void writeMissingSamples() throws IOException {
        Files.createDirectories(SAMPLE_FOLDER);
        for (History history : EventSampleHistories.all()) {
            String aggregateType = model(history.aggregate()).type();
            for (int sequence = 0; sequence < history.events().size(); sequence++) {
                Recorded recorded = history.events().get(sequence);
                String eventId = UUID.nameUUIDFromBytes((history.aggregateId() + "/" + sequence)
                        .getBytes(StandardCharsets.UTF_8)).toString();
                StoredEvent row = StoredEvent.of(new GenericDomainEventMessage<>(aggregateType, history.aggregateId(),
                        sequence, recorded.payload(), recorded.metaData(), eventId,
                        history.start().plus(Duration.ofMinutes(7L * sequence))), axon.eventSerializer());
                Path file = SAMPLE_FOLDER.resolve(sampleName(row.payloadType(), row.payloadRevision()));
                if (Files.notExists(file)) {
                    Files.writeString(file, ROWS.writeValueAsString(row) + "\n");
                }
            }
        }
    }

    private List<String> problemsReading(StoredEvent sample, List<SerializedType> upcastTypes,
                                         DomainEventMessage<?> event, Set<Class<?>> events) {
        Object payload = event.getPayload();
        if (!events.contains(payload.getClass())) {
            return List.of(sample.payloadType() + " loads as " + payload.getClass().getName() + ", no event of this release");
        }
        SerializedType current = axon.eventSerializer().typeForClass(payload.getClass());
        if (!current.getName().equals(sample.payloadType()) || !Objects.equals(current.getRevision(), sample.payloadRevision())) {
            // an older revision: its upcaster's own test checks the values
            return upcastTypes.contains(current) ? List.of() : List.of(sample.payloadType() + " revision "
                    + sample.payloadRevision() + " is upcast to " + upcastTypes + ", not to the current " + current
                    + ": register an upcaster");
        }
        List<String> problems = new ArrayList<>();
        JsonNode storedPayload = tree(sample.payload());
        JsonNode readPayload = tree(axon.eventSerializer().serialize(payload, String.class).getData());
        if (!readPayload.equals(storedPayload)) {
            problems.add(sample.payloadType() + " reads back as " + readPayload + " but was stored as " + storedPayload);
        }
        JsonNode storedMetaData = tree(sample.metaData());
        JsonNode readMetaData = tree(axon.eventSerializer().serialize(event.getMetaData(), String.class).getData());
        if (!readMetaData.equals(storedMetaData)) {
            problems.add(sample.payloadType() + "'s metadata reads back as " + readMetaData + " but was stored as "
                    + storedMetaData);
        }
        return problems;
    }

    /** The rows as the event store reads them: upcast, then deserialized by the engine's serializer. */
    private DomainEventStream read(List<StoredEvent> rows) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream().map(StoredEvent::asEntry),
                axon.eventSerializer(), axon.upcasterChain());
    }

    /** The types the engine's upcasters turn the sample into, before the serializer reads it. */
    private List<SerializedType> upcastTypes(StoredEvent sample) {
        return axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(sample.asEntry(), axon.eventSerializer())))
                .map(IntermediateEventRepresentation::getType)
                .toList();
    }

    /** Sources a new instance of the aggregate from {@code rows}, as the engine's repository would. */
    private <A> EventSourcedAggregate<A> replay(Class<A> aggregateType, List<StoredEvent> rows) throws Exception {
        DomainEventStream stream = read(rows);
        A root = axon.aggregateConfiguration(aggregateType).aggregateFactory()
                .createAggregateRoot(rows.get(0).aggregateIdentifier(), stream.peek());
        EventSourcedAggregate<A> aggregate = EventSourcedAggregate.initialize(root, model(aggregateType), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(stream);
        return aggregate;
    }

    private <A> AggregateModel<A> model(Class<A> aggregateType) {
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType, axon.parameterResolverFactory(),
                axon.handlerDefinition(aggregateType));
    }

    private static String sampleName(String payloadType, String revision) {
        return payloadType + (revision == null ? "" : "@" + revision) + ".json";
    }

    /** The engine's events (the handlers of this test source set are left out). */
    private static Set<Class<?>> eventClasses() {
        URL testClasses = StoredEventSamplesTest.class.getProtectionDomain().getCodeSource().getLocation();
        return EventClasses.handledBy(handler -> !handler.getProtectionDomain().getCodeSource().getLocation()
                .equals(testClasses));
    }

    private static String describe(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        return cause == failure ? failure.toString() : failure + ", caused by " + cause;
    }

    private static JsonNode tree(String json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
