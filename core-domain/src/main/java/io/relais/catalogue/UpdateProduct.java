package io.relais.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replace a product's details. */
public record UpdateProduct(@TargetAggregateIdentifier String productId, ProductDetails details, @TargetAggregateVersion Long expectedVersion) {
}
