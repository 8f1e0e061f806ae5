package io.relais.catalogue;

import java.util.List;

/** A page of products. */
public record ProductPage(List<ProductView> items, int page, int size, long totalItems) {
}
