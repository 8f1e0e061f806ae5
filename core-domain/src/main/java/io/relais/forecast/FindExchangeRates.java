package io.relais.forecast;

/** Every exchange rate into the reporting currency, by currency and date. */
public record FindExchangeRates() {
}
