package io.relais.forecast;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * From {@code validFrom} on (until a later rate of the same currency), one unit of {@code currency} is worth
 * {@code rate} units of the reporting currency. Setting a rate again for the same day corrects it.
 */
public record SetExchangeRate(@TargetAggregateIdentifier String ratesId, String currency, LocalDate validFrom,
                              BigDecimal rate) {

    public static SetExchangeRate of(String currency, LocalDate validFrom, BigDecimal rate) {
        return new SetExchangeRate(ratesId(currency), currency, validFrom, rate);
    }

    /** The rates of one currency are one stream. */
    public static String ratesId(String currency) {
        return "exchange-rates:" + (currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT));
    }
}
