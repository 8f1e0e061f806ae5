package io.relais.eventstore;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Collection;

/** How far a streaming processor has got through the event store. */
public final class ProcessorProgress {

    private ProcessorProgress() {
    }

    /** The position of the store's last event; -1 while it holds none (Axon Server then has no head token). */
    public static long head(EventStore store) {
        TrackingToken head = store.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Whether the processor's claimed segments cover the whole stream and each has handled every event up to
     * {@code head}. Right after a start or a reset some segments may not be claimed yet: those count as
     * behind. A segment stays flagged "replaying" until it sees an event of its own past the reset point, so
     * the position, not the flag, tells that a replay is complete.
     */
    public static boolean caughtUp(StreamingEventProcessor processor, long head) {
        return position(processor) >= head;
    }

    /**
     * The position every segment of the processor has reached on this node: -1 while a segment is not claimed here
     * or has no position yet.
     */
    public static long position(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        double covered = statuses.stream().mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum();
        return covered < 0.999 ? -1 : statuses.stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }
}
