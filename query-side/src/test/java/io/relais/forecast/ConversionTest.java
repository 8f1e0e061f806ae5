package io.relais.forecast;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static io.relais.forecast.Deals.conversion;
import static io.relais.forecast.Deals.rate;
import static org.assertj.core.api.Assertions.assertThat;

class ConversionTest {

    @Nested
    class RateOf {

        @Test
        void takesTheReportingCurrencyAsItIsWithoutARate() {
            Conversion conversion = conversion();

            assertThat(conversion.rateOf("EUR")).contains(BigDecimal.ONE);
            assertThat(conversion.used()).isEmpty();
            assertThat(conversion.unconverted()).isEmpty();
        }

        @Test
        void answersTheRateInForceAndListsItAsUsed() {
            Conversion conversion = conversion("USD", "0.9", "GBP", "1.15");

            assertThat(conversion.rateOf("USD")).contains(new BigDecimal("0.9"));
            assertThat(conversion.used()).containsExactly(rate("USD", "0.9"));
        }

        @Test
        void listsEachRateUsedOnceByCurrency() {
            Conversion conversion = conversion("USD", "0.9", "GBP", "1.15", "CHF", "1.05");

            conversion.rateOf("USD");
            conversion.rateOf("GBP");
            conversion.rateOf("USD");

            assertThat(conversion.used()).containsExactly(rate("GBP", "1.15"), rate("USD", "0.9"));
        }

        @Test
        void answersNothingForACurrencyWithoutRateWithoutCountingAnythingWhenNotAskedTo() {
            Conversion conversion = conversion("USD", "0.9");

            assertThat(conversion.rateOf("JPY")).isEmpty();
            assertThat(conversion.unconverted()).isEmpty();
        }

        @Test
        void answersNothingForACurrencyWithoutRateAndCountsTheDealsLeftOut() {
            Conversion conversion = conversion("USD", "0.9");

            assertThat(conversion.rateOf("JPY", 1)).isEmpty();
            conversion.rateOf("USD", 4);
            conversion.rateOf("JPY", 2);
            conversion.rateOf("CHF", 1);

            assertThat(conversion.unconverted()).containsExactly(new UnconvertedDeals("CHF", 1),
                    new UnconvertedDeals("JPY", 3));
            assertThat(conversion.used()).containsExactly(rate("USD", "0.9"));
        }

        @Test
        void reportsInItsCurrency() {
            assertThat(conversion().reportingCurrency()).isEqualTo("EUR");
        }
    }

    @Nested
    class Convert {

        @Test
        void multipliesByTheRateToEightDecimals() {
            assertThat(Conversion.convert(new BigDecimal("1234.56"), new BigDecimal("0.12345678")))
                    .isEqualTo(new BigDecimal("152.41480232"));
        }

        @ParameterizedTest(name = "{0} x {1} = {2}")
        @CsvSource({"0.01, 0.0000005, 0.00000000", "0.03, 0.0000005, 0.00000002", "0.01, 0.0000007, 0.00000001"})
        void roundsHalfToEven(BigDecimal amount, BigDecimal rate, BigDecimal converted) {
            assertThat(Conversion.convert(amount, rate)).isEqualTo(converted);
        }

        @Test
        void leavesAMissingAmountMissing() {
            assertThat(Conversion.convert(null, new BigDecimal("0.9"))).isNull();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"1, 1.00", "0.125, 0.12", "0.135, 0.14", "0.12500001, 0.13", "152.41480232, 152.41"})
        void reportsMoneyToTheCentHalfToEven(BigDecimal value, BigDecimal money) {
            assertThat(Conversion.money(value)).isEqualTo(money);
        }
    }
}
