package io.relais.catalogue;

/** One product with its prices; empty when there is none with this id. */
public record FindProduct(String productId) {
}
