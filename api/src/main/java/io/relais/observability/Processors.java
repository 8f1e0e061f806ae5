package io.relais.observability;

import io.relais.organisation.LeadRoutingProcess;
import io.relais.process.RecordProcesses;
import io.relais.webhook.WebhookOutbox;
import io.relais.workflow.WorkflowRules;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The event processors as the processors' endpoint lists them (docs/operations.md). */
@Component
public class Processors {

    /**
     * The processors that send commands, or queue what goes out of the engine (webhook deliveries): replaying them
     * would send it again.
     */
    public static final Set<String> PROCESS_MANAGERS = Set.of(LeadRoutingProcess.PROCESSING_GROUP,
            RecordProcesses.PROCESSING_GROUP, WebhookOutbox.PROCESSING_GROUP, WorkflowRules.PROCESSING_GROUP);

    private final EventProcessorStates states;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    Processors(EventProcessorStates states, EventProcessingConfiguration processing, EventStore eventStore,
               Clock clock) {
        this.states = states;
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    List<ProcessorView> all() {
        Instant now = clock.instant();
        long nanos = System.nanoTime();
        List<ProcessorView> views = new ArrayList<>();
        states.detailed().forEach((name, detailed) -> {
            EventProcessorState state = detailed.state();
            Double pace = paces.compute(name, (key, previous) -> Pace.next(previous, nanos, state.position())).rate();
            List<SegmentView> replaying = detailed.segments().stream().filter(SegmentView::replaying).toList();
            Double percent = replayPercent(replaying);
            Long secondsLeft = replaying.isEmpty() || pace == null || pace <= 0 ? null
                    : Math.round(replaying.stream().mapToLong(segment -> Math.max(0, replayEnd(segment)
                    - Math.max(0, segment.position()))).sum() / pace);
            views.add(new ProcessorView(name, PROCESS_MANAGERS.contains(name) ? "PROCESS_MANAGER" : "PROJECTION",
                    processing.eventProcessor(name).filter(PooledStreamingEventProcessor.class::isInstance).isPresent()
                            ? "pooled" : "tracking",
                    state.status(now).getCode(), state.running(), detailed.segments(), state.position(), state.head(),
                    state.lag(), state.lag() == 0 ? 0 : ageOfEventAfter(state.position(), now), pace,
                    !replaying.isEmpty(), percent, secondsLeft, state.deadLetters()));
        });
        return views;
    }

    /** The projections being rebuilt, by name, with how far each got (0 to 100). */
    Map<String, Double> rebuilding() {
        Map<String, Double> rebuilding = new TreeMap<>();
        states.detailed().forEach((name, detailed) -> {
            Double percent = replayPercent(detailed.segments().stream().filter(SegmentView::replaying).toList());
            if (percent != null) {
                rebuilding.put(name, percent);
            }
        });
        return rebuilding;
    }

    /** How far replaying segments got, 0 to 100 (to a tenth); null for none. */
    private static Double replayPercent(List<SegmentView> replaying) {
        if (replaying.isEmpty()) {
            return null;
        }
        long end = replaying.stream().mapToLong(Processors::replayEnd).sum();
        long done = replaying.stream().mapToLong(segment -> Math.max(0, segment.position())).sum();
        return end == 0 ? 100.0 : Math.min(100.0, Math.floor(1000.0 * done / end) / 10);
    }

    private static long replayEnd(SegmentView segment) {
        return segment.replayEnd() == null ? 0 : segment.replayEnd();
    }

    /** How old the first event after {@code position} is, in seconds. */
    private long ageOfEventAfter(long position, Instant now) {
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(tokenAt(position))) {
            if (!events.hasNextAvailable()) {
                return 0;
            }
            return Math.max(0, Duration.between(events.nextAvailable().getTimestamp(), now).toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A token at {@code position} of the store's own kind (with gaps for the JDBC store, without for Axon Server). */
    private TrackingToken tokenAt(long position) {
        if (position < 0) {
            return null;
        }
        return eventStore.createHeadToken() instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet())
                : new GlobalSequenceTrackingToken(position);
    }

    /** A processor's position when last read, and its pace since the read before (events per second). */
    private record Pace(long nanos, long position, Double rate) {

        static Pace next(Pace previous, long nanos, long position) {
            if (previous == null) {
                return new Pace(nanos, position, null);
            }
            double seconds = (nanos - previous.nanos()) / 1e9;
            if (seconds < 1) {
                return previous;
            }
            return new Pace(nanos, position, Math.max(0, position - previous.position()) / seconds);
        }
    }
}
