package io.relais.projection;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Batched projections: handlers apply events to an object that collects the batch's writes, made once per
 * batch of events and written when the batch commits, with one statement per table. A failing event is still
 * attributable to itself (it fails in its handler), and a rebuild runs at thousands of events per second.
 */
public final class ProjectionBatches {

    private ProjectionBatches() {
    }

    /**
     * The current batch's collector of type {@code type}: made by {@code create} from the batch's messages the
     * first time a handler asks for it, and flushed just before the batch's transaction commits.
     */
    public static <B> B current(Class<B> type, Function<List<? extends Message<?>>, B> create, Consumer<B> flush) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(type.getName(), key -> {
            List<? extends Message<?>> messages = root instanceof BatchingUnitOfWork<?> batching
                    ? batching.getMessages() : List.of(root.getMessage());
            B batch = create.apply(messages);
            root.onPrepareCommit(unitOfWork -> flush.accept(batch));
            return batch;
        });
    }
}
