package io.relais.catalogue;

import io.relais.projection.RecordRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A product's row in the read model, with every price it ever had, while a projection batch changes it. */
final class ProductRow extends RecordRow {

    private static final Comparator<ProductPrice> PRICE_ORDER = Comparator.comparing(ProductPrice::priceList)
            .thenComparing(ProductPrice::currency).thenComparing(ProductPrice::validFrom)
            .thenComparing(ProductPrice::priceId);

    ProductDetails details;
    boolean discontinued;
    List<ProductPrice> prices = List.of();
    Instant createdAt;

    ProductRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }

    /** Adds a price, unless the product has one with its id already. */
    void add(ProductPrice price) {
        if (prices.stream().noneMatch(known -> known.priceId().equals(price.priceId()))) {
            prices = Stream.concat(prices.stream(), Stream.of(price)).toList();
        }
    }

    void retire(String priceId, LocalDate on) {
        prices = prices.stream().map(price -> price.priceId().equals(priceId) ? price.retired(on) : price).toList();
    }

    /** The product with its prices by list, currency, first day and id. */
    ProductView toView() {
        return new ProductView(id(), version(), details, discontinued,
                prices.stream().map(ProductRow::shown).sorted(PRICE_ORDER).toList(), createdAt, updatedAt());
    }

    /** A price as the catalogue shows it: its unit price without trailing zeros, however it was written. */
    static ProductPrice shown(ProductPrice price) {
        return new ProductPrice(price.priceId(), price.priceList(), price.currency(),
                price.unitPrice().stripTrailingZeros(), price.validFrom(), price.validUntil(), price.retiredOn());
    }
}
