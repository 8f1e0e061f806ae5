package io.relais.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a product or service to the catalogue. */
public record CreateProduct(@TargetAggregateIdentifier String productId, ProductDetails details) {
}
