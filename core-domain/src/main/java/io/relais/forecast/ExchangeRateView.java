package io.relais.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A rate into the reporting currency from {@code validFrom} on, with who set it last, when, and its stream's version then. */
public record ExchangeRateView(String currency, LocalDate validFrom, BigDecimal rate, String reportingCurrency,
                               long version, Instant setAt, String setBy) {
}
