package io.relais.opportunity;

import io.relais.catalogue.FindProduct;
import io.relais.catalogue.FindProductPrice;
import io.relais.catalogue.ProductPrice;
import io.relais.catalogue.ProductView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/** The catalogue, from its read model. */
@Component
class ReadModelProductCatalogue implements ProductCatalogue {

    private final QueryGateway queries;

    ReadModelProductCatalogue(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<ProductView> product(String productId) {
        return queries.query(new FindProduct(productId), ResponseTypes.optionalInstanceOf(ProductView.class)).join();
    }

    @Override
    public Optional<ProductPrice> price(String productId, String priceList, String currency, LocalDate day) {
        return queries.query(new FindProductPrice(productId, priceList, currency, day),
                ResponseTypes.optionalInstanceOf(ProductPrice.class)).join();
    }
}
