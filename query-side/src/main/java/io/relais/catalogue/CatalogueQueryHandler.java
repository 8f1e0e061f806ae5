package io.relais.catalogue;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers catalogue queries from the catalogue read model. */
@Component
class CatalogueQueryHandler {

    private final CatalogueRepository repository;

    CatalogueQueryHandler(CatalogueRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    Optional<ProductView> handle(FindProduct query) {
        return repository.find(query.productId());
    }

    @QueryHandler
    ProductPage handle(FindProducts query) {
        return repository.findPage(query);
    }

    @QueryHandler
    Optional<ProductPrice> handle(FindProductPrice query) {
        return repository.findPrice(query);
    }
}
