package io.relais.catalogue;

/** A product or service entered the catalogue. */
public record ProductCreated(String productId, ProductDetails details) {
}
