package io.relais.catalogue;

/** The product has a new price. */
public record ProductPriceAdded(String productId, ProductPrice price) {
}
