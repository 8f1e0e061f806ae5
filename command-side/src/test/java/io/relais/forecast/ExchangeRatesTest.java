package io.relais.forecast;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.forecast.ForecastFixtures.FEB_1;
import static io.relais.organisation.TestOrganisation.FORMER_ADMIN;
import static io.relais.forecast.ForecastFixtures.JAN_1;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.forecast.ForecastFixtures.SYSTEM;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static io.relais.common.CommandFixtures.as;
import static io.relais.forecast.ForecastFixtures.exchangeRatesFixture;
import static io.relais.forecast.ForecastFixtures.forbidden;
import static io.relais.forecast.ForecastFixtures.invalidField;
import static io.relais.forecast.ForecastFixtures.setUsd;
import static io.relais.forecast.ForecastFixtures.usdRate;

/**
 * Fixture tests of a currency's exchange rates, over the organisation of {@link ForecastFixtures}. Unless a test
 * names the actor, commands are sent by ADMIN; the reporting currency is EUR.
 */
class ExchangeRatesTest {

    private FixtureConfiguration<ExchangeRates> fixture;

    @BeforeEach
    void setUp() {
        fixture = exchangeRatesFixture();
    }

    @Nested
    class FirstRate {

        @Test
        void startsTheCurrencysRatesWithoutAPreviousRate() {
            fixture.givenNoPriorActivity()
                    .when(setUsd(JAN_1, "0.9"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(usdRate(JAN_1, "0.9", null));
        }

        @Test
        void answersWithTheVersionOfTheRatesStream() {
            fixture.givenNoPriorActivity()
                    .when(setUsd(JAN_1, "0.9"))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void normalisesTheCurrencyCode() {
            fixture.givenNoPriorActivity()
                    .when(SetExchangeRate.of(" usd ", JAN_1, new BigDecimal("0.9")))
                    .expectEvents(usdRate(JAN_1, "0.9", null));
        }

        @Test
        void dropsTrailingZerosFromTheRate() {
            fixture.givenNoPriorActivity()
                    .when(setUsd(JAN_1, "0.90000000"))
                    .expectEvents(usdRate(JAN_1, "0.9", null));
        }

        @Test
        void acceptsEightDecimals() {
            fixture.givenNoPriorActivity()
                    .when(setUsd(JAN_1, "0.00000001"))
                    .expectEvents(usdRate(JAN_1, "0.00000001", null));
        }

        @Test
        void recordsTheReportingCurrencyItIsConfiguredWith() {
            exchangeRatesFixture("USD").givenNoPriorActivity()
                    .when(SetExchangeRate.of("EUR", JAN_1, new BigDecimal("1.1")))
                    .expectEvents(new ExchangeRateSet(SetExchangeRate.ratesId("EUR"), "EUR", JAN_1,
                            new BigDecimal("1.1"), "USD", null));
        }
    }

    @Nested
    class LaterRates {

        @Test
        void correctsTheRateOfTheSameDayCarryingThePreviousOne() {
            fixture.given(usdRate(JAN_1, "0.9", null))
                    .when(setUsd(JAN_1, "0.92"))
                    .expectEvents(usdRate(JAN_1, "0.92", "0.9"));
        }

        @Test
        void correctsADayWithThatDaysRateAsThePreviousOne() {
            fixture.given(usdRate(JAN_1, "0.9", null), usdRate(FEB_1, "0.95", null))
                    .when(setUsd(JAN_1, "0.91"))
                    .expectEvents(usdRate(JAN_1, "0.91", "0.9"));
        }

        @Test
        void carriesTheLatestCorrectionAsThePreviousRate() {
            fixture.given(usdRate(JAN_1, "0.9", null), usdRate(JAN_1, "0.92", "0.9"))
                    .when(setUsd(JAN_1, "0.93"))
                    .expectEvents(usdRate(JAN_1, "0.93", "0.92"));
        }

        @Test
        void recordsNothingWhenTheDayAlreadyHasThatRate() {
            fixture.given(usdRate(JAN_1, "0.9", null))
                    .when(setUsd(JAN_1, "0.9"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void recordsNothingForTheSameRateWrittenWithTrailingZeros() {
            fixture.given(usdRate(JAN_1, "0.9", null))
                    .when(setUsd(JAN_1, "0.900"))
                    .expectNoEvents();
        }

        @Test
        void recordsNothingForTheRateAsCorrected() {
            fixture.given(usdRate(JAN_1, "0.9", null), usdRate(JAN_1, "0.92", "0.9"))
                    .when(setUsd(JAN_1, "0.92"))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void startsANewRateOnAnotherDay() {
            fixture.given(usdRate(JAN_1, "0.9", null))
                    .when(setUsd(FEB_1, "0.9"))
                    .expectEvents(usdRate(FEB_1, "0.9", null));
        }

        @Test
        void answersWithTheVersionAfterTheNewRate() {
            fixture.given(usdRate(JAN_1, "0.9", null), usdRate(JAN_1, "0.92", "0.9"))
                    .when(setUsd(FEB_1, "0.95"))
                    .expectResultMessagePayload(2L);
        }
    }

    @Nested
    class WhoMaySetRates {

        @Test
        void letsTheSystemSetARate() {
            fixture.givenNoPriorActivity()
                    .when(setUsd(JAN_1, "0.9"), as(SYSTEM))
                    .expectEvents(usdRate(JAN_1, "0.9", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {REP, MANAGER, DIRECTOR, AUDITOR, ANALYST, STEWARD, FORMER_ADMIN, UNKNOWN,
                "system"})
        void refusesAnyoneButAnActiveAdministrator(String actor) {
            fixture.givenNoPriorActivity()
                    .when(setUsd(JAN_1, "0.9"), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden())
                    .expectExceptionMessage("Only administrators set exchange rates");
        }

        @Test
        void refusesAnotherProfileEvenForARateAlreadySet() {
            fixture.given(usdRate(JAN_1, "0.9", null))
                    .when(setUsd(JAN_1, "0.9"), as(MANAGER))
                    .expectException(forbidden());
        }

        @Test
        void refusesAnotherProfileBeforeLookingAtTheRate() {
            fixture.givenNoPriorActivity()
                    .when(SetExchangeRate.of("EUR", null, null), as(REP))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"EUR", "eur", " Eur "})
        void refusesTheReportingCurrency(String currency) {
            fixture.givenNoPriorActivity()
                    .when(SetExchangeRate.of(currency, JAN_1, BigDecimal.ONE))
                    .expectNoEvents()
                    .expectException(invalidField("currency", "reporting-currency"));
        }

        @Test
        void acceptsEurWhenItIsNotTheReportingCurrency() {
            exchangeRatesFixture("USD").givenNoPriorActivity()
                    .when(SetExchangeRate.of("EUR", JAN_1, BigDecimal.ONE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesTheReportingCurrencyItIsConfiguredWith() {
            exchangeRatesFixture("USD").givenNoPriorActivity()
                    .when(setUsd(JAN_1, "1"))
                    .expectException(invalidField("currency", "reporting-currency"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingCurrency(String currency) {
            fixture.givenNoPriorActivity()
                    .when(SetExchangeRate.of(currency, JAN_1, BigDecimal.ONE))
                    .expectNoEvents()
                    .expectException(invalidField("currency", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"XYZ", "US", "U$D"})
        void refusesACodeThatIsNoCurrency(String currency) {
            fixture.givenNoPriorActivity()
                    .when(SetExchangeRate.of(currency, JAN_1, BigDecimal.ONE))
                    .expectNoEvents()
                    .expectException(invalidField("currency", "invalid-currency"));
        }

        @Test
        void refusesACodeOfMoreThanThreeLetters() {
            fixture.givenNoPriorActivity()
                    .when(SetExchangeRate.of("USDX", JAN_1, BigDecimal.ONE))
                    .expectNoEvents()
                    .expectException(invalidField("currency", "too-long"));
        }

        @Test
        void refusesAMissingValidFrom() {
            fixture.givenNoPriorActivity()
                    .when(setUsd(null, "0.9"))
                    .expectNoEvents()
                    .expectException(invalidField("validFrom", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-999999999-01-01", "-4714-01-01", "1899-12-31", "3000-01-01", "+999999999-12-31"})
        void refusesAValidFromOutsideTheYears1900To2999(LocalDate validFrom) {
            fixture.givenNoPriorActivity()
                    .when(setUsd(validFrom, "0.9"))
                    .expectNoEvents()
                    .expectException(invalidField("validFrom", "out-of-range"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "0E-8"})
        void refusesARateOfZero(String rate) {
            fixture.givenNoPriorActivity()
                    .when(setUsd(JAN_1, rate))
                    .expectNoEvents()
                    .expectException(invalidField("rate", "invalid-rate"));
        }

        @Test
        void refusesAMissingRate() {
            fixture.givenNoPriorActivity()
                    .when(setUsd(JAN_1, null))
                    .expectNoEvents()
                    .expectException(invalidField("rate", "invalid-rate"));
        }

        /** Negative rates and too many digits fail the shared amount check before the rate's own. */
        @ParameterizedTest
        @ValueSource(strings = {"-0.9", "-1", "0.123456789", "1000000000000000"})
        void refusesANegativeRateOrOneWithTooManyDigits(String rate) {
            fixture.givenNoPriorActivity()
                    .when(setUsd(JAN_1, rate))
                    .expectNoEvents()
                    .expectException(invalidField("rate", "invalid-amount"));
        }

        @Test
        void refusesAnInvalidCorrectionOfARateAlreadySet() {
            fixture.given(usdRate(JAN_1, "0.9", null))
                    .when(setUsd(JAN_1, "0"))
                    .expectNoEvents()
                    .expectException(invalidField("rate", "invalid-rate"));
        }
    }
}
