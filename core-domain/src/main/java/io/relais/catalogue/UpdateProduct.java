package io.relais.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a product's details. */
public record UpdateProduct(@TargetAggregateIdentifier String productId, ProductDetails details, Long expectedVersion) {
}
