package io.relais.forecast;

import java.util.List;

/** The rates of one currency into the reporting currency, by date; {@code version} is their stream's. */
public record CurrencyRates(String currency, String reportingCurrency, long version, List<ExchangeRateView> rates) {
}
