package io.relais.forecast;

/** Deals left out of the figures because their currency had no exchange rate on the date asked for. */
public record UnconvertedDeals(String currency, int deals) {
}
