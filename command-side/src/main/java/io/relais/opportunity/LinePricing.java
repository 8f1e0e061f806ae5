package io.relais.opportunity;

import io.relais.catalogue.ProductPrice;
import io.relais.catalogue.ProductView;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Prices a new line of a deal from the catalogue: the product must be sold, and have a price in force today
 * in the deal's price list and currency. The line then goes to the deal in {@link AddOpportunityLineItem}.
 */
@Component
public class LinePricing {

    private final ProductCatalogue catalogue;
    private final Clock clock;

    public LinePricing(ProductCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public LineItem line(String priceList, String currency, String productId, BigDecimal quantity,
                         BigDecimal discountPercent, BigDecimal unitCost) {
        String id = Fields.identifier("productId", productId);
        ProductView product = catalogue.product(id).orElseThrow(() -> new InvalidFieldException("productId",
                "unknown-product", "The catalogue has no product " + id));
        if (product.discontinued()) {
            throw new InvalidFieldException("productId", "product-discontinued", "Product " + id + " is no longer sold");
        }
        LocalDate today = LocalDate.now(clock);
        ProductPrice price = catalogue.price(id, priceList, currency, today).orElseThrow(() -> new InvalidFieldException(
                "productId", "no-price", "Product " + id + " has no price in " + priceList + " " + currency + " on "
                + today));
        return new LineItem(UUID.randomUUID().toString(), id, product.details().name(), price.priceId(), quantity,
                price.unitPrice(), discountPercent, unitCost);
    }
}
