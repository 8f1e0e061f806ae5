package io.relais.projection;

import io.relais.projection.SegmentFailures.Failure;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentFailuresTest {

    private static final String LEADS = "leads";

    private final SegmentFailures failures = new SegmentFailures();
    private final MessageHandlerInterceptor<EventMessage<?>> observer = failures.observer(LEADS);

    @Test
    void theEventsOfAFailedBatchAreRetriedOneByOneUntilBatchesHoldingThemHaveCommitted() {
        List<EventMessage<?>> events = events(4);
        rollBack(batch(0, events.subList(0, 3)), new IllegalStateException("refused"));

        BatchingUnitOfWork<EventMessage<?>> shorterRetry = batch(0, events.subList(0, 1));
        assertThat(failures.holdsFailedEvents(LEADS, shorterRetry)).isTrue();
        commit(shorterRetry);

        assertThat(failures.holdsFailedEvents(LEADS, batch(0, events.subList(1, 4)))).isTrue();
        assertThat(failures.holdsFailedEvents(LEADS, batch(0, events.subList(3, 4)))).isFalse();
        assertThat(failures.holdsFailedEvents("accounts", batch(0, events))).isFalse();
        commit(batch(0, events.subList(1, 4)));
        assertThat(failures.holdsFailedEvents(LEADS, batch(0, events))).isFalse();
    }

    @Test
    void aSegmentIsFailingFromItsFirstRolledBackBatchUntilOneOfItsBatchesCommits() {
        rollBack(batch(1, events(2)), new IllegalStateException("first"));
        Failure first = failures.failing(LEADS).get(1);
        rollBack(batch(1, events(2)), new IllegalStateException("second"));

        assertThat(failures.failing(LEADS)).containsOnlyKeys(1);
        assertThat(failures.failing(LEADS).get(1).since()).isEqualTo(first.since());
        assertThat(failures.failing(LEADS).get(1).cause()).contains("second");
        commit(batch(0, events(1)));
        assertThat(failures.failing(LEADS)).containsOnlyKeys(1);
        commit(batch(1, events(1)));
        assertThat(failures.failing(LEADS)).isEmpty();
    }

    private static List<EventMessage<?>> events(int count) {
        return IntStream.range(0, count).<EventMessage<?>>mapToObj(GenericEventMessage::asEventMessage).toList();
    }

    /** A batch of the pooled processor's segment, as its work package makes it. */
    private static BatchingUnitOfWork<EventMessage<?>> batch(int segment, List<EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.resources().put("Processor[" + LEADS + "]/SegmentId", segment);
        return batch;
    }

    private void commit(BatchingUnitOfWork<EventMessage<?>> batch) {
        batch.executeWithResult(() -> observer.handle(batch, () -> null));
        assertThat(batch.isRolledBack()).isFalse();
    }

    private void rollBack(BatchingUnitOfWork<EventMessage<?>> batch, RuntimeException failure) {
        batch.executeWithResult(() -> observer.handle(batch, () -> {
            throw failure;
        }));
        assertThat(batch.isRolledBack()).isTrue();
    }
}
