package io.relais.catalogue;

import java.time.LocalDate;

/** The price that prices the product in this list and currency on {@code date}, if any. */
public record FindProductPrice(String productId, String priceList, String currency, LocalDate date) {
}
