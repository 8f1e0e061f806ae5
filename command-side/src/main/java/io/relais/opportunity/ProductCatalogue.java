package io.relais.opportunity;

import io.relais.catalogue.ProductPrice;
import io.relais.catalogue.ProductView;

import java.time.LocalDate;
import java.util.Optional;

/** The catalogue as a deal's lines are priced from it. Implemented over the catalogue read model. */
public interface ProductCatalogue {

    Optional<ProductView> product(String productId);

    /** The product's price in force on {@code day} in a price list and currency. */
    Optional<ProductPrice> price(String productId, String priceList, String currency, LocalDate day);
}
