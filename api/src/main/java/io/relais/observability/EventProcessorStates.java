package io.relais.observability;

import io.relais.eventstore.EventStoreProperties;
import io.relais.eventstore.ProcessorProgress;
import io.relais.projection.SegmentFailures;
import io.relais.projection.SegmentFailures.Failure;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads the {@link EventProcessorState} of this node's event processors. Which node claims which segment, and
 * where the segments this node does not process have got, come from the token store: its claims are the only
 * truth shared by all nodes.
 */
@Component
class EventProcessorStates {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final SegmentFailures failures;
    private final Duration claimTimeout;

    EventProcessorStates(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                         Serializer serializer, SegmentFailures failures, EventStoreProperties properties) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.failures = failures;
        this.claimTimeout = properties.claimTimeout();
    }

    /** Every processor's state, by name (all of them stream the event store). */
    Map<String, EventProcessorState> all() {
        Map<String, EventProcessorState> states = new TreeMap<>();
        detailed().forEach((name, detailed) -> states.put(name, detailed.state()));
        return states;
    }

    /** Every processor's state with each of its segments, by name. */
    Map<String, Detailed> detailed() {
        long head = head();
        Map<String, Detailed> states = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) ->
                states.put(name, read(name, (StreamingEventProcessor) processor, head)));
        return states;
    }

    EventProcessorState of(String name, StreamingEventProcessor processor) {
        return read(name, processor, head()).state();
    }

    /** A processor's state, and each of its segments: who processes it, how far it got, whether it replays. */
    record Detailed(EventProcessorState state, List<SegmentView> segments) {
    }

    private long head() {
        return ProcessorProgress.head(eventStore);
    }

    private Detailed read(String name, StreamingEventProcessor processor, long head) {
        long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        Map<Integer, Failure> recorded = failures.failing(name);
        Instant now = Instant.now();
        int claimedElsewhere = 0;
        Map<Integer, Instant> unclaimedSince = new TreeMap<>();
        Map<Integer, Failure> failing = new TreeMap<>();
        long position = Long.MAX_VALUE;
        List<GenericTokenEntry<String>> tokens = tokens(name);
        List<SegmentView> segments = new ArrayList<>();
        for (GenericTokenEntry<String> token : tokens) {
            int segment = token.getSegment();
            EventTrackerStatus status = here.get(segment);
            Instant claimExpiry = token.timestamp().plus(claimTimeout);
            boolean elsewhere = status == null && token.getOwner() != null && claimExpiry.isAfter(now);
            TrackingToken stored = token.getToken(serializer);
            long reached = status != null ? status.getCurrentPosition().orElse(-1) : position(stored);
            position = Math.min(position, reached);
            boolean replayToken = status != null ? status.isReplaying() : stored instanceof ReplayToken;
            Long replayEnd = !replayToken ? null : status != null ? boxed(status.getResetPosition())
                    : boxed(((ReplayToken) stored).getTokenAtReset().position());
            // Axon keeps a replay token until an event beyond the reset position arrives: one that reached it is done
            boolean replaying = replayToken && (replayEnd == null || reached < replayEnd);
            segments.add(new SegmentView(segment, status != null || elsewhere ? token.getOwner() : null, reached,
                    replaying, replaying ? replayEnd : null));
            if (elsewhere) {
                claimedElsewhere++;
            } else if (status == null) {
                unclaimedSince.put(segment, token.getOwner() == null ? token.timestamp() : claimExpiry);
            }
            if (!elsewhere && recorded.containsKey(segment)) {
                failing.put(segment, recorded.get(segment));
            } else if (status != null && status.isErrorState()) {
                failing.put(segment, new Failure(now, String.valueOf(status.getError())));
            }
        }
        return new Detailed(new EventProcessorState(processor.isRunning(), processor.isError(), tokens.size(),
                here.size(), claimedElsewhere, unclaimedSince, failing, deadLetters, tokens.isEmpty() ? -1 : position,
                head), segments);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private List<GenericTokenEntry<String>> tokens(String processor) {
        return jdbc.query("select segment, token, tokentype, timestamp, owner from tokenentry where processorname = ?",
                (row, i) -> new GenericTokenEntry<>(row.getString("token"), row.getString("tokentype"),
                        row.getString("timestamp"), row.getString("owner"), processor, row.getInt("segment"),
                        String.class), processor);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
