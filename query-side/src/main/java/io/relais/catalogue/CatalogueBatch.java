package io.relais.catalogue;

import io.relais.projection.PastStates;
import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The product rows one batch of catalogue events changes, written when the batch commits. */
final class CatalogueBatch {

    final RecordRows<ProductRow> products;

    CatalogueBatch(Function<Set<String>, Collection<ProductRow>> read, List<? extends Message<?>> events) {
        products = new RecordRows<>(events, read);
    }

    /** A batch that starts with no row and is never written: for a product's past state ({@link PastStates}). */
    static CatalogueBatch inMemory() {
        return new CatalogueBatch(ids -> List.of(), List.of());
    }
}
