package io.relais.catalogue;

import java.time.LocalDate;

/** The price prices nothing from {@code retiredOn} on; it stays in the catalogue. */
public record ProductPriceRetired(String productId, String priceId, LocalDate retiredOn) {
}
