package io.relais.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Batched projections: handlers apply events to an object that collects the batch's writes, made once per
 * batch of events and written when the batch commits, with one statement per table, so that a rebuild runs at
 * thousands of events per second. When a batch is retried event by event ({@link ProjectionTransactions}), each
 * event gets collectors of its own, written as soon as its handler returns.
 */
public final class ProjectionBatches {

    private static final String ONE_EVENT = ProjectionBatches.class.getName() + ".oneEvent";
    private static final String IN_MEMORY = ProjectionBatches.class.getName() + ".inMemory";

    private ProjectionBatches() {
    }

    /**
     * The current batch's collector of type {@code type}: made by {@code create} from the batch's messages the
     * first time a handler asks for it, and flushed just before the batch's transaction commits.
     */
    public static <B> B current(Class<B> type, Function<List<? extends Message<?>>, B> create, Consumer<B> flush) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Object inMemory = unitOfWork.getResource(IN_MEMORY);
        if (inMemory != null) {
            return type.cast(inMemory);
        }
        UnitOfWork<?> root = unitOfWork.root();
        OneEvent event = root.getResource(ONE_EVENT);
        if (event != null) {
            return event.collector(type, () -> create.apply(List.of(unitOfWork.getMessage())), flush);
        }
        // A dead letter is tried again in a unit of work (and transaction) of its own, under a root that outlives
        // it: its collectors are written when it commits, so that a letter that fails again writes nothing.
        UnitOfWork<?> owner = root instanceof BatchingUnitOfWork<?> ? root : unitOfWork;
        return owner.getOrComputeResource(type.getName(), key -> {
            List<? extends Message<?>> messages = owner instanceof BatchingUnitOfWork<?> batching
                    ? batching.getMessages() : List.of(owner.getMessage());
            B batch = create.apply(messages);
            owner.onPrepareCommit(u -> flush.accept(batch));
            return batch;
        });
    }

    /**
     * Has {@code handle} apply each event, in order, to {@code collector}: the handlers that ask for the current
     * batch's collector get this one, which reads no table and is never written. That is how a record's past state
     * is rebuilt by its projection's own handlers ({@link PastStates}).
     */
    static void inMemory(Object collector, List<? extends EventMessage<?>> events, EventHandling handle) {
        for (EventMessage<?> event : events) {
            DefaultUnitOfWork<? extends EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            unitOfWork.resources().put(IN_MEMORY, collector);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> handle.apply(event));
            if (result.isExceptional()) {
                throw new IllegalStateException("Cannot apply " + event.getPayloadType().getSimpleName(),
                        result.exceptionResult());
            }
        }
    }

    /** A projection's handling of one event, as Axon's handler adapters do it. */
    @FunctionalInterface
    interface EventHandling {
        Object apply(EventMessage<?> event) throws Exception;
    }

    /** Runs one event's handler with collectors of its own, flushed as soon as it returns. */
    static Object applyAlone(UnitOfWork<?> batch, Callable<Object> handler) throws Exception {
        OneEvent event = new OneEvent();
        batch.resources().put(ONE_EVENT, event);
        try {
            Object result = handler.call();
            event.flush();
            return result;
        } finally {
            batch.resources().remove(ONE_EVENT);
        }
    }

    private static final class OneEvent {

        private final Map<Class<?>, Object> collectors = new LinkedHashMap<>();
        private final List<Runnable> flushes = new ArrayList<>();

        <B> B collector(Class<B> type, Supplier<B> create, Consumer<B> flush) {
            Object existing = collectors.get(type);
            if (existing != null) {
                return type.cast(existing);
            }
            B collector = create.get();
            collectors.put(type, collector);
            flushes.add(() -> flush.accept(collector));
            return collector;
        }

        void flush() {
            flushes.forEach(Runnable::run);
        }
    }
}
