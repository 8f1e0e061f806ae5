package io.relais.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Converts deal amounts into the reporting currency at the rates in force on one day, and remembers which
 * rates it used and which deals it could not convert, so that a figure can be explained.
 */
public final class Conversion {

    private static final int SCALE = 8;

    private final String reportingCurrency;
    private final Map<String, ExchangeRateView> rates;
    private final Map<String, ExchangeRateView> used = new TreeMap<>();
    private final Map<String, Integer> unconverted = new TreeMap<>();

    Conversion(String reportingCurrency, Map<String, ExchangeRateView> rates) {
        this.reportingCurrency = reportingCurrency;
        this.rates = rates;
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }

    /** The rate of a currency, when it has one. */
    public Optional<BigDecimal> rateOf(String currency) {
        if (currency.equals(reportingCurrency)) {
            return Optional.of(BigDecimal.ONE);
        }
        ExchangeRateView rate = rates.get(currency);
        if (rate == null) {
            return Optional.empty();
        }
        used.put(currency, rate);
        return Optional.of(rate.rate());
    }

    /** The rate of some deals' currency, or empty, the deals then counted as unconverted. */
    public Optional<BigDecimal> rateOf(String currency, int deals) {
        Optional<BigDecimal> rate = rateOf(currency);
        if (rate.isEmpty()) {
            unconverted.merge(currency, deals, Integer::sum);
        }
        return rate;
    }

    public static BigDecimal convert(BigDecimal amount, BigDecimal rate) {
        return amount == null ? null : amount.multiply(rate).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** A figure as reported: to the cent. */
    public static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    public List<ExchangeRateView> used() {
        return List.copyOf(used.values());
    }

    public List<UnconvertedDeals> unconverted() {
        List<UnconvertedDeals> deals = new ArrayList<>();
        unconverted.forEach((currency, count) -> deals.add(new UnconvertedDeals(currency, count)));
        return deals;
    }
}
