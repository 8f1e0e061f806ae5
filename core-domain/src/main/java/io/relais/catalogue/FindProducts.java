package io.relais.catalogue;

import io.relais.common.PageRequest;

/**
 * A page of products by name, matching every filter given: {@code text} in code, name or description (case
 * and accents ignored), {@code kind}; discontinued products only when {@code includeDiscontinued}.
 */
public record FindProducts(String text, ProductKind kind, boolean includeDiscontinued, PageRequest page) {
}
