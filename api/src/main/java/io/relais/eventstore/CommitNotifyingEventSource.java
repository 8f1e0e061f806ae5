package io.relais.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event store as pooled processors read it, told at once when this node commits events. The embedded
 * store's streams cannot signal new events, so a pooled processor would otherwise look only every 500 ms
 * and every write would wait that long to be readable. Streams that can signal (Axon Server's) keep
 * their own signal. Events committed by other nodes are still found by the processors' periodic check
 * ({@code token-claim-interval}).
 */
@Component(CommitNotifyingEventSource.BEAN_NAME)
public class CommitNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    public static final String BEAN_NAME = "commitNotifyingEventSource";
    /** How long a signalled stream waits for the store's reader to fetch the committed events. */
    private static final long ARRIVAL_WAIT_MILLIS = 250;

    private final EventStore eventStore;
    private final Set<NotifyingStream> streams = ConcurrentHashMap.newKeySet();

    public CommitNotifyingEventSource(EventStore eventStore, EventBus eventBus) {
        this.eventStore = eventStore;
        eventBus.registerDispatchInterceptor(events -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> streams.forEach(NotifyingStream::signal)));
            return (index, event) -> event;
        });
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final AtomicBoolean signalled = new AtomicBoolean();
        private volatile Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void signal() {
            Runnable current = callback;
            if (current != null) {
                signalled.set(true);
                current.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            if (delegate.setOnAvailableCallback(onAvailable)) {
                return true;
            }
            callback = onAvailable;
            streams.add(this);
            return true;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout == 0 && signalled.getAndSet(false)) {
                return delegate.hasNextAvailable((int) ARRIVAL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
