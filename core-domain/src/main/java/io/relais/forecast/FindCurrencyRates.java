package io.relais.forecast;

/** The rates of one currency; empty when it has none. */
public record FindCurrencyRates(String currency) {
}
