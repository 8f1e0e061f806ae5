package io.relais.catalogue;

import io.relais.common.InvalidFieldException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductPriceTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate JUN_15 = LocalDate.of(2026, 6, 15);
    private static final LocalDate JUL_1 = LocalDate.of(2026, 7, 1);
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate NEXT_JAN_1 = LocalDate.of(2027, 1, 1);

    /** A valid, already normalised price for the first half of 2026. */
    private static final ProductPrice H1 = new ProductPrice("price-1", ProductPrice.STANDARD, "EUR",
            new BigDecimal("12.5"), JAN_1, JUL_1, null);

    @Nested
    class Validated {

        @Test
        void keepsAValidNormalisedPriceAsItIs() {
            assertThat(H1.validated()).isEqualTo(H1);
        }

        @Test
        void acceptsAnOpenEndedPrice() {
            ProductPrice openEnded = price(ProductPrice.STANDARD, "EUR", JAN_1, null);

            assertThat(openEnded.validated()).isEqualTo(openEnded);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void putsAPriceWithoutAListInTheStandardList(String priceList) {
            assertThat(price(priceList, "EUR", JAN_1, JUL_1).validated().priceList()).isEqualTo("STANDARD");
        }

        @Test
        void keepsAnyOtherListNameTrimmed() {
            assertThat(price(" PARTNERS ", "EUR", JAN_1, JUL_1).validated().priceList()).isEqualTo("PARTNERS");
        }

        @ParameterizedTest
        @ValueSource(strings = {"PUBLIC SECTOR", "PARTNERS/EU", "R\u00c9SEAU"})
        void refusesAListNameThatIsNotAnIdentifier(String priceList) {
            assertRefused(() -> price(priceList, "EUR", JAN_1, JUL_1).validated(), "priceList",
                    "invalid-identifier");
        }

        @Test
        void refusesAListNameOfMoreThan100Characters() {
            assertRefused(() -> price("L".repeat(101), "EUR", JAN_1, JUL_1).validated(), "priceList", "too-long");
        }

        @ParameterizedTest
        @ValueSource(strings = {"eur", " EUR ", "Eur"})
        void normalisesTheCurrencyToUpperCase(String currency) {
            assertThat(price(ProductPrice.STANDARD, currency, JAN_1, JUL_1).validated().currency()).isEqualTo("EUR");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresACurrency(String currency) {
            assertRefused(() -> price(ProductPrice.STANDARD, currency, JAN_1, JUL_1).validated(), "currency",
                    "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"EUX", "E1R", "EU"})
        void refusesAnUnknownCurrency(String currency) {
            assertRefused(() -> price(ProductPrice.STANDARD, currency, JAN_1, JUL_1).validated(), "currency",
                    "invalid-currency");
        }

        @Test
        void requiresAUnitPrice() {
            assertRefused(() -> withUnitPrice(null).validated(), "unitPrice", "required");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"12.3456, 12.3456", "12.3400, 12.34", "100.00, 100", "1E+3, 1000", "0, 0", "0.0001, 0.0001"})
        void acceptsUpToFourDecimalsAndStripsTrailingZeros(String unitPrice, String expected) {
            BigDecimal normalised = withUnitPrice(new BigDecimal(unitPrice)).validated().unitPrice();

            assertThat(normalised).isEqualTo(new BigDecimal(expected));
            assertThat(normalised.toString()).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"12.34567", "12.34560", "-0.01", "1234567890123456"})
        void refusesAnInvalidUnitPrice(String unitPrice) {
            assertRefused(() -> withUnitPrice(new BigDecimal(unitPrice)).validated(), "unitPrice", "invalid-amount");
        }

        @Test
        void requiresAStartOfValidity() {
            assertRefused(() -> price(ProductPrice.STANDARD, "EUR", null, JUL_1).validated(), "validFrom",
                    "required");
        }

        @Test
        void acceptsAValidityOfOneDay() {
            ProductPrice oneDay = price(ProductPrice.STANDARD, "EUR", JAN_1, JAN_1.plusDays(1));

            assertThat(oneDay.validated()).isEqualTo(oneDay);
        }

        @Test
        void refusesAValidityEndingTheDayItStarts() {
            assertRefused(() -> price(ProductPrice.STANDARD, "EUR", JAN_1, JAN_1).validated(), "validUntil",
                    "invalid-range");
        }

        @Test
        void refusesAValidityEndingBeforeItStarts() {
            assertRefused(() -> price(ProductPrice.STANDARD, "EUR", JUL_1, JAN_1).validated(), "validUntil",
                    "invalid-range");
        }

        @ParameterizedTest
        @ValueSource(strings = {"price 1", " price-1", "price-1 ", "prix-\u00e9", "price/1"})
        void refusesAPriceIdThatIsNotAnExactIdentifier(String priceId) {
            ProductPrice price = new ProductPrice(priceId, null, "EUR", BigDecimal.TEN, JAN_1, null, null);

            assertRefused(price::validated, "priceId", "invalid-identifier");
        }

        @Test
        void aNewPriceIsNeverRetired() {
            ProductPrice retired = H1.retired(APR_1);

            assertThat(retired.validated()).isEqualTo(H1);
        }
    }

    @Nested
    class Construction {

        @Test
        void doesNotValidateSoThatStoredEventsAlwaysLoad() {
            assertThatNoException().isThrownBy(() -> new ProductPrice(" ", null, "euro", new BigDecimal("-1.123456"),
                    JUL_1, JAN_1, null));
        }
    }

    @Nested
    class AppliesOn {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({"2025-12-31, false", "2026-01-01, true", "2026-04-15, true", "2026-06-30, true",
                "2026-07-01, false", "2027-01-01, false"})
        void appliesFromItsStartUntilTheDayBeforeItsEnd(LocalDate date, boolean applies) {
            assertThat(H1.appliesOn(date)).isEqualTo(applies);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({"2025-12-31, false", "2026-01-01, true", "2099-12-31, true"})
        void appliesForEverFromItsStartWhenOpenEnded(LocalDate date, boolean applies) {
            assertThat(price(ProductPrice.STANDARD, "EUR", JAN_1, null).appliesOn(date)).isEqualTo(applies);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({"2026-01-01, true", "2026-03-31, true", "2026-04-01, false", "2026-06-30, false"})
        void appliesNoLongerFromItsRetirement(LocalDate date, boolean applies) {
            assertThat(H1.retired(APR_1).appliesOn(date)).isEqualTo(applies);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({"2026-06-30, true", "2026-07-01, false", "2026-09-30, false"})
        void endsWithItsValidityWhenRetiredLater(LocalDate date, boolean applies) {
            assertThat(H1.retired(OCT_1).appliesOn(date)).isEqualTo(applies);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({"2026-09-30, true", "2026-10-01, false", "2030-01-01, false"})
        void endsAnOpenEndedPriceOnItsRetirement(LocalDate date, boolean applies) {
            assertThat(price(ProductPrice.STANDARD, "EUR", JAN_1, null).retired(OCT_1).appliesOn(date))
                    .isEqualTo(applies);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-12-31", "2026-01-01", "2026-04-01", "2026-07-01"})
        void neverAppliesWhenRetiredOnItsFirstDay(LocalDate date) {
            assertThat(H1.retired(JAN_1).appliesOn(date)).isFalse();
        }
    }

    @Nested
    class Overlaps {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.catalogue.ProductPriceTest#overlapping")
        void overlapsAPriceInForceOnSomeOfItsDays(String name, ProductPrice one, ProductPrice other) {
            assertThat(one.overlaps(other)).isTrue();
            assertThat(other.overlaps(one)).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.catalogue.ProductPriceTest#notOverlapping")
        void doesNotOverlapAPriceThatPricesNoneOfItsDays(String name, ProductPrice one, ProductPrice other) {
            assertThat(one.overlaps(other)).isFalse();
            assertThat(other.overlaps(one)).isFalse();
        }
    }

    static Stream<Arguments> overlapping() {
        String std = ProductPrice.STANDARD;
        return Stream.of(
                Arguments.of("the same period", H1, price(std, "EUR", JAN_1, JUL_1)),
                Arguments.of("one day in common", H1, price(std, "EUR", JUL_1.minusDays(1), OCT_1)),
                Arguments.of("starting inside", H1, price(std, "EUR", APR_1, OCT_1)),
                Arguments.of("ending inside", H1, price(std, "EUR", JAN_1.minusMonths(1), APR_1)),
                Arguments.of("contained", H1, price(std, "EUR", APR_1, APR_1.plusDays(1))),
                Arguments.of("containing", H1, price(std, "EUR", JAN_1.minusYears(1), NEXT_JAN_1)),
                Arguments.of("open-ended starting inside", H1, price(std, "EUR", APR_1, null)),
                Arguments.of("open-ended starting before", H1, price(std, "EUR", JAN_1.minusYears(1), null)),
                Arguments.of("two open-ended", price(std, "EUR", JAN_1, null), price(std, "EUR", NEXT_JAN_1, null)),
                Arguments.of("retired after the other starts", H1.retired(APR_1), price(std, "EUR", APR_1.minusDays(1),
                        null)),
                Arguments.of("open-ended retired after the other starts", price(std, "EUR", JAN_1, null).retired(OCT_1),
                        price(std, "EUR", JUL_1, OCT_1.plusDays(1))),
                Arguments.of("both retired, still sharing a day", H1.retired(APR_1),
                        price(std, "EUR", JAN_1.minusMonths(1), null).retired(JAN_1.plusDays(1))),
                Arguments.of("another list named alike", price("PARTNERS", "EUR", JAN_1, JUL_1),
                        price("PARTNERS", "EUR", APR_1, null)));
    }

    static Stream<Arguments> notOverlapping() {
        String std = ProductPrice.STANDARD;
        return Stream.of(
                Arguments.of("adjacent after", H1, price(std, "EUR", JUL_1, OCT_1)),
                Arguments.of("adjacent before", H1, price(std, "EUR", JAN_1.minusMonths(3), JAN_1)),
                Arguments.of("open-ended starting at the end", H1, price(std, "EUR", JUL_1, null)),
                Arguments.of("later", H1, price(std, "EUR", OCT_1, null)),
                Arguments.of("another list", H1, price("PARTNERS", "EUR", JAN_1, JUL_1)),
                Arguments.of("another currency", H1, price(std, "USD", JAN_1, JUL_1)),
                Arguments.of("another list and currency", H1, price("PARTNERS", "USD", JAN_1, null)),
                Arguments.of("open-ended retired when the other starts", price(std, "EUR", JAN_1, null).retired(JUL_1),
                        price(std, "EUR", JUL_1, null)),
                Arguments.of("retired before the other starts", H1.retired(APR_1), price(std, "EUR", JUN_15, null)),
                Arguments.of("retired after its end, adjacent", H1.retired(OCT_1), price(std, "EUR", JUL_1, null)),
                Arguments.of("retired on its first day, so never in force", H1.retired(JAN_1),
                        price(std, "EUR", JAN_1.minusMonths(6), null)),
                Arguments.of("retired before its first day, so never in force",
                        price(std, "EUR", NEXT_JAN_1, null).retired(OCT_1), price(std, "EUR", JUL_1, null)));
    }

    @Nested
    class Retired {

        @Test
        void keepsEverythingButTheRetirementDate() {
            ProductPrice retired = H1.retired(APR_1);

            assertThat(retired).isEqualTo(new ProductPrice("price-1", ProductPrice.STANDARD, "EUR",
                    new BigDecimal("12.5"), JAN_1, JUL_1, APR_1));
        }

        @Test
        void leavesTheOriginalUnretired() {
            H1.retired(APR_1);

            assertThat(H1.retiredOn()).isNull();
        }
    }

    private static ProductPrice price(String priceList, String currency, LocalDate validFrom, LocalDate validUntil) {
        return new ProductPrice("price-1", priceList, currency, new BigDecimal("12.5"), validFrom, validUntil, null);
    }

    private static ProductPrice withUnitPrice(BigDecimal unitPrice) {
        return new ProductPrice("price-1", ProductPrice.STANDARD, "EUR", unitPrice, JAN_1, JUL_1, null);
    }

    private static void assertRefused(ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(code);
                });
    }
}
