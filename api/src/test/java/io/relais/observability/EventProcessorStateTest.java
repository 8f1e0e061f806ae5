package io.relais.observability;

import io.relais.projection.SegmentFailures.Failure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventProcessorStateTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aRunningProcessorWhoseSegmentsAreAllClaimedIsUp() {
        assertThat(state(true, Map.of(), Map.of(), 0).status(NOW)).isEqualTo(Status.UP);
    }

    @Test
    void deadLettersDegradeIt() {
        assertThat(state(true, Map.of(), Map.of(), 2).status(NOW)).isEqualTo(EventProcessorState.DEGRADED);
    }

    @Test
    void aStoppedProcessorOrAFailingSegmentIsDownWhateverItsDeadLetters() {
        assertThat(state(false, Map.of(), Map.of(), 0).status(NOW)).isEqualTo(Status.DOWN);
        assertThat(state(true, Map.of(), Map.of(1, new Failure(NOW, "boom")), 2).status(NOW)).isEqualTo(Status.DOWN);
    }

    @Test
    void aSegmentNoNodeClaimsIsDownOnlyOnceItsGraceHasPassed() {
        Instant released = NOW.minus(EventProcessorState.UNCLAIMED_GRACE);
        assertThat(state(true, Map.of(1, released.plusSeconds(1)), Map.of(), 0).status(NOW)).isEqualTo(Status.UP);
        assertThat(state(true, Map.of(1, released.minusSeconds(1)), Map.of(), 0).status(NOW)).isEqualTo(Status.DOWN);
    }

    @Test
    void theLagCountsTheEventsAfterTheSlowestSegmentAndTheWholeStoreBeforeAnyToken() {
        assertThat(new EventProcessorState(true, false, 2, 2, 0, Map.of(), Map.of(), 0, 90, 100).lag()).isEqualTo(10);
        assertThat(new EventProcessorState(true, false, 0, 0, 0, Map.of(), Map.of(), 0, -1, 100).lag()).isEqualTo(101);
        assertThat(new EventProcessorState(true, false, 1, 1, 0, Map.of(), Map.of(), 0, -1, -1).lag()).isZero();
    }

    private static EventProcessorState state(boolean running, Map<Integer, Instant> unclaimedSince,
                                             Map<Integer, Failure> failing, long deadLetters) {
        return new EventProcessorState(running, false, 2, 2 - unclaimedSince.size(), 0, unclaimedSince, failing,
                deadLetters, 100, 100);
    }
}
