package io.relais.catalogue;

import java.time.Instant;
import java.util.List;

/** A product as the catalogue read model shows it, with every price it ever had, retired ones included. */
public record ProductView(String id, long version, ProductDetails details, boolean discontinued,
                          List<ProductPrice> prices, Instant createdAt, Instant updatedAt) {
}
