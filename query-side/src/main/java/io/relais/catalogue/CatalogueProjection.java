package io.relais.catalogue;

import io.relais.projection.PastStates;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Projects the catalogue into the product and price tables, a batch of events at a time ({@link CatalogueBatch}).
 * Every event moves the product row to the event's version (so a write can wait for it); an event at or below it
 * is skipped, so a replay without a reset changes nothing.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
public class CatalogueProjection {

    public static final String PROCESSING_GROUP = "catalogue";

    private final CatalogueRepository repository;
    private final PastStates pastStates;

    CatalogueProjection(CatalogueRepository repository, PastStates pastStates) {
        this.repository = repository;
        this.pastStates = pastStates;
    }

    @EventHandler
    void on(ProductCreated event, DomainEventMessage<?> message) {
        ProductRow row = new ProductRow(event.productId(), message.getSequenceNumber(), message.getTimestamp());
        row.details = event.details();
        row.createdAt = message.getTimestamp();
        batch().products.add(row);
    }

    @EventHandler
    void on(ProductUpdated event, DomainEventMessage<?> message) {
        update(message, row -> row.details = event.details());
    }

    @EventHandler
    void on(ProductPriceAdded event, DomainEventMessage<?> message) {
        update(message, row -> row.add(event.price()));
    }

    @EventHandler
    void on(ProductPriceRetired event, DomainEventMessage<?> message) {
        update(message, row -> row.retire(event.priceId(), event.retiredOn()));
    }

    @EventHandler
    void on(ProductDiscontinued event, DomainEventMessage<?> message) {
        update(message, row -> row.discontinued = true);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The product as it stood then: its events up to then, applied by these handlers to a row in memory. */
    @QueryHandler
    Optional<ProductView> find(FindProductAsOf query) {
        return pastStates.replay(query.productId(), query.asOf(), this, CatalogueBatch.inMemory())
                .flatMap(batch -> batch.products.find(query.productId())).map(ProductRow::toView);
    }

    private void update(DomainEventMessage<?> message, Consumer<ProductRow> change) {
        batch().products.update(message, change);
    }

    private CatalogueBatch batch() {
        return ProjectionBatches.current(CatalogueBatch.class, events -> new CatalogueBatch(repository::findAll, events),
                repository::write);
    }
}
