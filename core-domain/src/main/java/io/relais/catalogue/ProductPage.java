package io.relais.catalogue;

import io.relais.common.Page;

import java.util.List;

/** A page of products. */
public record ProductPage(List<ProductView> content, int page, int size, long totalElements)
        implements Page<ProductView> {
}
