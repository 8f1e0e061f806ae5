package io.relais.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Stop a price from pricing anything from {@code retiredOn}; it stays in the catalogue. */
public record RetireProductPrice(@TargetAggregateIdentifier String productId, String priceId, LocalDate retiredOn) {
}
