package io.relais.catalogue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects the catalogue into the product and price tables. Every event moves the product row to the
 * event's version (so a write can wait for it); an event at or below it is skipped, so a replay without a
 * reset changes nothing.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
public class CatalogueProjection {

    public static final String PROCESSING_GROUP = "catalogue";

    private final CatalogueRepository repository;

    CatalogueProjection(CatalogueRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ProductCreated event, DomainEventMessage<?> message) {
        repository.insertProduct(event.productId(), event.details(), message.getSequenceNumber(),
                message.getTimestamp());
    }

    @EventHandler
    void on(ProductUpdated event, DomainEventMessage<?> message) {
        if (repository.advance(event.productId(), message.getSequenceNumber(), message.getTimestamp())) {
            repository.updateDetails(event.productId(), event.details());
        }
    }

    @EventHandler
    void on(ProductPriceAdded event, DomainEventMessage<?> message) {
        if (repository.advance(event.productId(), message.getSequenceNumber(), message.getTimestamp())) {
            repository.insertPrice(event.productId(), event.price());
        }
    }

    @EventHandler
    void on(ProductPriceRetired event, DomainEventMessage<?> message) {
        if (repository.advance(event.productId(), message.getSequenceNumber(), message.getTimestamp())) {
            repository.retirePrice(event.productId(), event.priceId(), event.retiredOn());
        }
    }

    @EventHandler
    void on(ProductDiscontinued event, DomainEventMessage<?> message) {
        if (repository.advance(event.productId(), message.getSequenceNumber(), message.getTimestamp())) {
            repository.discontinue(event.productId());
        }
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
