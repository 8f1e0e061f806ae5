package io.relais.opportunity;

import io.relais.common.InvalidFieldException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineItemTest {

    /** A valid, already normalised line: three presses at 1200 less 10 %, costing 700 each. */
    private static final LineItem PRESSES = new LineItem("line-1", "product-7", "Offset press", "price-1",
            new BigDecimal("3"), new BigDecimal("1200"), new BigDecimal("10"), new BigDecimal("700"));

    @Nested
    class Validated {

        @Test
        void keepsAValidNormalisedLineAsItIs() {
            assertThat(PRESSES.validated()).isEqualTo(PRESSES);
        }

        @Test
        void trimsTheProductAndStripsTrailingZeros() {
            LineItem input = new LineItem("line-1", " product-7 ", "\tOffset press ", "price-1",
                    new BigDecimal("3.000"), new BigDecimal("1200.0000"), new BigDecimal("10.00"),
                    new BigDecimal("700.00"));

            assertThat(input.validated()).isEqualTo(PRESSES);
        }

        @Test
        void needsNoDiscountCostOrPriceId() {
            LineItem bare = new LineItem("line-1", "product-7", "Offset press", null, BigDecimal.ONE,
                    BigDecimal.TEN, null, null);

            assertThat(bare.validated()).isEqualTo(bare);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"0.001, 0.001", "2.500, 2.5", "1E+2, 100", "999999999999999.999, 999999999999999.999"})
        void acceptsAQuantityWithUpToThreeDecimals(BigDecimal quantity, String expected) {
            assertThat(withQuantity(quantity).validated().quantity()).hasToString(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.000"})
        void refusesAQuantityOfZero(BigDecimal quantity) {
            assertRefused(() -> withQuantity(quantity).validated(), "quantity", "required");
        }

        @Test
        void requiresAQuantity() {
            assertRefused(() -> withQuantity(null).validated(), "quantity", "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "1.0001", "1000000000000000"})
        void refusesAnInvalidQuantity(BigDecimal quantity) {
            assertRefused(() -> withQuantity(quantity).validated(), "quantity", "invalid-amount");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"0, 0", "0.0001, 0.0001", "12.3400, 12.34"})
        void acceptsAUnitPriceOfZeroOrMoreWithUpToFourDecimals(BigDecimal unitPrice, String expected) {
            assertThat(withUnitPrice(unitPrice).validated().unitPrice()).hasToString(expected);
        }

        @Test
        void requiresAUnitPrice() {
            assertRefused(() -> withUnitPrice(null).validated(), "unitPrice", "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "1.00001"})
        void refusesAnInvalidUnitPrice(BigDecimal unitPrice) {
            assertRefused(() -> withUnitPrice(unitPrice).validated(), "unitPrice", "invalid-amount");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.01", "99.99", "100", "100.00"})
        void acceptsADiscountFrom0To100Percent(BigDecimal discount) {
            assertThat(withDiscount(discount).validated().discountPercent()).isEqualByComparingTo(discount);
        }

        @ParameterizedTest
        @ValueSource(strings = {"100.01", "101", "1000"})
        void refusesADiscountOfMoreThan100Percent(BigDecimal discount) {
            assertRefused(() -> withDiscount(discount).validated(), "discountPercent", "out-of-range");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "10.001"})
        void refusesAnInvalidDiscount(BigDecimal discount) {
            assertRefused(() -> withDiscount(discount).validated(), "discountPercent", "invalid-amount");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "0.00001"})
        void refusesAnInvalidUnitCost(BigDecimal unitCost) {
            LineItem line = new LineItem("line-1", "product-7", "Offset press", "price-1", BigDecimal.ONE,
                    BigDecimal.TEN, null, unitCost);

            assertRefused(line::validated, "unitCost", "invalid-amount");
        }

        @ParameterizedTest
        @ValueSource(strings = {" line-1", "line-1 ", "line 1", "line/1"})
        void refusesALineIdThatIsNotAnExactIdentifier(String lineId) {
            assertRefused(() -> withIds(lineId, "product-7", "Offset press").validated(), "lineId",
                    "invalid-identifier");
        }

        @Test
        void refusesAMissingLineId() {
            assertRefused(() -> withIds(null, "product-7", "Offset press").validated(), "lineId",
                    "invalid-identifier");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresAProduct(String productId) {
            assertRefused(() -> withIds("line-1", productId, "Offset press").validated(), "productId", "required");
        }

        @Test
        void refusesAProductIdThatIsNotAnIdentifier() {
            assertRefused(() -> withIds("line-1", "product 7", "Offset press").validated(), "productId",
                    "invalid-identifier");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresAProductName(String productName) {
            assertRefused(() -> withIds("line-1", "product-7", productName).validated(), "productName", "required");
        }

        @Test
        void refusesAProductNameOfMoreThan200Characters() {
            assertRefused(() -> withIds("line-1", "product-7", "P".repeat(201)).validated(), "productName",
                    "too-long");
        }

        @ParameterizedTest
        @ValueSource(strings = {"price 1", "price/1"})
        void refusesAPriceIdThatIsNotAnIdentifier(String priceId) {
            assertRefused(() -> new LineItem("line-1", "product-7", "Offset press", priceId, PRESSES.quantity(),
                    PRESSES.unitPrice(), null, null).validated(), "priceId", "invalid-identifier");
        }
    }

    @Nested
    class TotalOfADeal {

        @Test
        void addsUpTheLinesTotals() {
            assertThat(LineItem.totalOf(List.of(PRESSES, withQuantity(BigDecimal.ONE)))).isEqualTo(
                    PRESSES.total().add(withQuantity(BigDecimal.ONE).total()));
        }

        @Test
        void isZeroWithoutLines() {
            assertThat(LineItem.totalOf(List.of())).isEqualByComparingTo("0");
        }

        @Test
        void mayReachTheLargestAmount() {
            LineItem line = new LineItem("line-1", "product-7", "Offset press", null, BigDecimal.ONE,
                    new BigDecimal("999999999999999.99"), null, new BigDecimal("999999999999999.99"));

            assertThat(LineItem.totalOf(List.of(line))).isEqualByComparingTo("999999999999999.99");
        }

        @Test
        void refusesATotalNoAmountHoldsNamingTheQuantity() {
            LineItem line = new LineItem("line-1", "product-7", "Offset press", null, new BigDecimal("1000"),
                    new BigDecimal("1000000000000"), null, null);

            assertRefused(() -> LineItem.totalOf(List.of(line)), "quantity", "out-of-range");
        }

        @Test
        void refusesLinesThatTogetherTotalMoreThanAnAmountHolds() {
            LineItem half = new LineItem("line-1", "product-7", "Offset press", null, BigDecimal.ONE,
                    new BigDecimal("500000000000000"), null, null);

            assertRefused(() -> LineItem.totalOf(List.of(half, half)), "quantity", "out-of-range");
        }

        @Test
        void refusesACostNoAmountHolds() {
            LineItem line = new LineItem("line-1", "product-7", "Offset press", null, new BigDecimal("2"),
                    BigDecimal.ONE, null, new BigDecimal("999999999999999"));

            assertRefused(() -> LineItem.totalOf(List.of(line)), "quantity", "out-of-range");
        }
    }

    @Nested
    class Construction {

        @Test
        void doesNotValidateSoThatStoredEventsAlwaysLoad() {
            assertThatNoException().isThrownBy(() -> new LineItem(" ", null, "", null, new BigDecimal("-1"),
                    new BigDecimal("1.123456"), new BigDecimal("150"), null));
        }
    }

    @Nested
    class Total {

        @Test
        void isTheQuantityTimesTheUnitPriceLessTheDiscount() {
            assertThat(PRESSES.total()).isEqualTo(new BigDecimal("3240.00"));
        }

        @Test
        void isTheQuantityTimesTheUnitPriceWithoutDiscount() {
            assertThat(withDiscount(null).total()).isEqualTo(new BigDecimal("3600.00"));
        }

        @ParameterizedTest(name = "{0} x {1} less {2} % = {3}")
        @CsvSource({"2.5, 19.99, , 49.98", "1, 0.005, , 0.01", "1, 0.0049, , 0.00", "1, 99.99, 33.33, 66.66",
                "3, 10, 33.33, 20.00", "0.001, 1234.5678, , 1.23", "4, 250, 100, 0.00", "3, 0, 10, 0.00",
                "7, 1.15, 50, 4.03"})
        void isRoundedHalfUpToTheCent(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
                                      BigDecimal total) {
            LineItem line = new LineItem("line-1", "product-7", "Offset press", null, quantity, unitPrice, discount,
                    null);

            assertThat(line.total()).isEqualTo(total);
        }

        /** The exact total is just under half a cent: rounding the discount first would push it up a cent. */
        @ParameterizedTest(name = "{0} x {1} less {2} % = {3}")
        @CsvSource({"1.029, 19.8414, 6.67, 19.05", "1.037, 12.0757, 16.67, 10.43", "1.001, 480.8748, 1.23, 475.43",
                "600010.001, 0.0001, 0.01, 59.99"})
        void roundsOnlyOnceSoThatATotalJustUnderHalfACentGoesDown(BigDecimal quantity, BigDecimal unitPrice,
                                                                  BigDecimal discount, BigDecimal total) {
            LineItem line = new LineItem("line-1", "product-7", "Offset press", null, quantity, unitPrice, discount,
                    null);

            assertThat(line.total()).isEqualTo(total);
        }

        @Test
        void alwaysHasTwoDecimals() {
            assertThat(withQuantity(BigDecimal.ONE).total().scale()).isEqualTo(2);
            assertThat(withQuantity(new BigDecimal("0.001")).total().scale()).isEqualTo(2);
        }
    }

    @Nested
    class Cost {

        @Test
        void isTheQuantityTimesTheUnitCost() {
            assertThat(PRESSES.cost()).isEqualTo(new BigDecimal("2100.00"));
        }

        @Test
        void ignoresTheDiscount() {
            assertThat(withDiscount(new BigDecimal("100")).cost()).isEqualTo(new BigDecimal("2100.00"));
        }

        @ParameterizedTest(name = "{0} x {1} = {2}")
        @CsvSource({"2.5, 0.0021, 0.01", "3, 0.0016, 0.00", "0.333, 10, 3.33"})
        void isRoundedHalfUpToTheCent(BigDecimal quantity, BigDecimal unitCost, BigDecimal cost) {
            LineItem line = new LineItem("line-1", "product-7", "Offset press", null, quantity, BigDecimal.TEN,
                    null, unitCost);

            assertThat(line.cost()).isEqualTo(cost);
        }

        @Test
        void isUnknownWithoutAUnitCost() {
            LineItem line = new LineItem("line-1", "product-7", "Offset press", null, BigDecimal.ONE, BigDecimal.TEN,
                    null, null);

            assertThat(line.cost()).isNull();
        }
    }

    private static LineItem withQuantity(BigDecimal quantity) {
        return new LineItem("line-1", "product-7", "Offset press", "price-1", quantity, PRESSES.unitPrice(),
                PRESSES.discountPercent(), PRESSES.unitCost());
    }

    private static LineItem withUnitPrice(BigDecimal unitPrice) {
        return new LineItem("line-1", "product-7", "Offset press", "price-1", PRESSES.quantity(), unitPrice,
                PRESSES.discountPercent(), PRESSES.unitCost());
    }

    private static LineItem withDiscount(BigDecimal discount) {
        return new LineItem("line-1", "product-7", "Offset press", "price-1", PRESSES.quantity(), PRESSES.unitPrice(),
                discount, PRESSES.unitCost());
    }

    private static LineItem withIds(String lineId, String productId, String productName) {
        return new LineItem(lineId, productId, productName, "price-1", PRESSES.quantity(), PRESSES.unitPrice(),
                PRESSES.discountPercent(), PRESSES.unitCost());
    }

    private static void assertRefused(ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(code);
                });
    }
}
