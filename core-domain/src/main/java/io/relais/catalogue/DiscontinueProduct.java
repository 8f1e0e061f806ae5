package io.relais.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop selling a product: it prices no new line item, and stays for the deals that have it. */
public record DiscontinueProduct(@TargetAggregateIdentifier String productId) {
}
