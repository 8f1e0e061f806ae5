package io.relais.forecast;

import io.relais.common.PageRequest;

/** A page of the exchange rates into the reporting currency, by currency and date. */
public record FindExchangeRates(PageRequest page) {
}
