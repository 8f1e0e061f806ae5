package io.relais.catalogue;

/** The product is no longer sold. */
public record ProductDiscontinued(String productId) {
}
