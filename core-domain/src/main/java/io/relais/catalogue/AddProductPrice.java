package io.relais.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Price the product in a price list and currency from a date. */
public record AddProductPrice(@TargetAggregateIdentifier String productId, ProductPrice price) {
}
