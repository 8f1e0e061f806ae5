package io.relais.catalogue;

import io.relais.common.FieldChange;

import java.util.List;

/** A product's details changed; {@code details} is the whole new state. */
public record ProductUpdated(String productId, ProductDetails details, List<FieldChange> changes) {
}
