package io.relais.observability;

import io.relais.projection.SegmentFailures.Failure;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this node knows of one event processor: whether it runs here, which of its segments (the parts of its
 * share of the event store) this node, another live node or no node processes, which are failing, the events it
 * has set aside, and how far it has got.
 *
 * @param segments         the processor's segments in the token store
 * @param claimedHere      segments this node processes
 * @param claimedElsewhere segments another live node processes
 * @param unclaimedSince   segments no live node processes, and since when
 * @param failing          segments whose batches roll back and are retried, with the last cause
 * @param deadLetters      events in its dead-letter queue
 * @param position         the lowest position its segments have reached in the event store, -1 for none
 * @param head             the position of the last event in the store, -1 for none
 */
record EventProcessorState(boolean running, boolean error, int segments, int claimedHere, int claimedElsewhere,
                           Map<Integer, Instant> unclaimedSince, Map<Integer, Failure> failing, long deadLetters,
                           long position, long head) {

    /** Working, but holding events it could not apply: the read model lacks their records' latest changes. */
    static final Status DEGRADED = new Status("DEGRADED");
    /**
     * How long a segment may stay unclaimed before it counts against health: one released by a node that stops,
     * or whose claim expired with it, is claimed again within seconds.
     */
    static final Duration UNCLAIMED_GRACE = Duration.ofSeconds(30);

    /** Events stored after the position of its slowest segment. */
    long lag() {
        return Math.max(0, head - position);
    }

    Status status(Instant now) {
        boolean unclaimed = unclaimedSince.values().stream().anyMatch(since -> since.plus(UNCLAIMED_GRACE).isBefore(now));
        if (!running || error || !failing.isEmpty() || unclaimed) {
            return Status.DOWN;
        }
        return deadLetters > 0 ? DEGRADED : Status.UP;
    }

    Map<String, Object> details(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status(now).getCode());
        details.put("running", running);
        details.put("error", error);
        details.put("segments", segments);
        details.put("segmentsClaimed", claimedHere);
        details.put("segmentsClaimedElsewhere", claimedElsewhere);
        details.put("segmentsUnclaimed", unclaimedSince.size());
        details.put("segmentsFailing", failing.size());
        if (!failing.isEmpty()) {
            details.put("failures", failing);
        }
        details.put("deadLetters", deadLetters);
        details.put("position", position);
        details.put("lag", lag());
        return details;
    }
}
