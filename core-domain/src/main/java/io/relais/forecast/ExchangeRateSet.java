package io.relais.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One unit of {@code currency} is worth {@code rate} units of {@code reportingCurrency} from {@code validFrom} on. */
public record ExchangeRateSet(String ratesId, String currency, LocalDate validFrom, BigDecimal rate,
                              String reportingCurrency, BigDecimal previousRate) {
}
