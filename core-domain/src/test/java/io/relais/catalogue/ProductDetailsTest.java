package io.relais.catalogue;

import io.relais.common.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductDetailsTest {

    /** Every field filled with a valid, already normalised value. */
    private static final ProductDetails FULL = new ProductDetails("SKU-001", "Widget", "A fine widget",
            ProductKind.PRODUCT, "piece", 5);

    /** Code, name, kind and unit: the least a product needs. */
    private static final ProductDetails MINIMAL = new ProductDetails("CONSULT.DAY", "Consulting day", null,
            ProductKind.SERVICE, "day", null);

    @Nested
    class Validated {

        @Test
        void keepsValidNormalisedDetailsAsTheyAre() {
            assertThat(FULL.validated()).isEqualTo(FULL);
        }

        @Test
        void acceptsCodeNameKindAndUnitAlone() {
            assertThat(MINIMAL.validated()).isEqualTo(MINIMAL);
        }

        @Test
        void trimsEveryText() {
            ProductDetails padded = new ProductDetails("  SKU-001 ", " Widget\t", "\nA fine widget  ",
                    ProductKind.PRODUCT, " piece ", 5);

            assertThat(padded.validated()).isEqualTo(FULL);
        }

        @Test
        void keepsLineBreaksInsideTheDescription() {
            ProductDetails details = withDescription("First line\nSecond line");

            assertThat(details.validated().description()).isEqualTo("First line\nSecond line");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void turnsABlankDescriptionIntoNull(String description) {
            assertThat(withDescription(description).validated().description()).isNull();
        }

        @Test
        void keepsTheCaseOfTheCode() {
            ProductDetails details = new ProductDetails("sku-Mixed_1.a@b", "Widget", null, ProductKind.PRODUCT,
                    "piece", null);

            assertThat(details.validated().code()).isEqualTo("sku-Mixed_1.a@b");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void requiresACode(String code) {
            assertRefused(new ProductDetails(code, "Widget", null, ProductKind.PRODUCT, "piece", null), "code",
                    "required");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void requiresAName(String name) {
            assertRefused(new ProductDetails("SKU-001", name, null, ProductKind.PRODUCT, "piece", null), "name",
                    "required");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void requiresAUnit(String unit) {
            assertRefused(new ProductDetails("SKU-001", "Widget", null, ProductKind.PRODUCT, unit, null), "unit",
                    "required");
        }

        @Test
        void requiresAKind() {
            ProductDetails details = new ProductDetails("SKU-001", "Widget", null, null, "piece", null);

            assertRefused(details, "kind", "required");
            assertThatThrownBy(details::validated).hasMessage("kind is required: PRODUCT or SERVICE");
        }

        @ParameterizedTest
        @ValueSource(strings = {"SKU 001", "SKU/001", "SK\u00dc-1", "SKU#1", "SKU:1", "SKU+1", "<b>"})
        void refusesACodeThatIsNotAnIdentifier(String code) {
            assertRefused(new ProductDetails(code, "Widget", null, ProductKind.PRODUCT, "piece", null), "code",
                    "invalid-identifier");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 365, 3650})
        void acceptsALeadTimeFromZeroTo3650Days(int days) {
            assertThat(withLeadTime(days).validated().leadTimeDays()).isEqualTo(days);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 3651, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void refusesALeadTimeOutOfRange(int days) {
            assertRefused(withLeadTime(days), "leadTimeDays", "out-of-range");
        }

        @Test
        void acceptsNoLeadTime() {
            assertThat(withLeadTime(null).validated().leadTimeDays()).isNull();
        }

        @Test
        void refusesControlCharactersInTheName() {
            assertRefused(new ProductDetails("SKU-001", "Wid\u0000get", null, ProductKind.PRODUCT, "piece", null),
                    "name", "invalid-characters");
        }

        @ParameterizedTest(name = "{0} accepts {1} characters")
        @MethodSource("io.relais.catalogue.ProductDetailsTest#maximumLengths")
        void acceptsTheMaximumLength(String field, int maxLength, Function<String, ProductDetails> withText) {
            String longest = "a".repeat(maxLength);

            assertThat(withText.apply(longest).validated()).isEqualTo(withText.apply(longest));
        }

        @ParameterizedTest(name = "{0} refuses {1} + 1 characters")
        @MethodSource("io.relais.catalogue.ProductDetailsTest#maximumLengths")
        void refusesOneCharacterOverTheMaximumLength(String field, int maxLength,
                                                     Function<String, ProductDetails> withText) {
            assertRefused(withText.apply("a".repeat(maxLength + 1)), field, "too-long");
        }
    }

    @Nested
    class Construction {

        @Test
        void doesNotValidateSoThatStoredEventsAlwaysLoad() {
            assertThatNoException().isThrownBy(() -> new ProductDetails(" bad code ", null, "x".repeat(5000), null,
                    null, -1));
        }
    }

    static Stream<Arguments> maximumLengths() {
        return Stream.of(
                Arguments.of("code", 100, (Function<String, ProductDetails>) value ->
                        new ProductDetails(value, "Widget", null, ProductKind.PRODUCT, "piece", null)),
                Arguments.of("name", 200, (Function<String, ProductDetails>) value ->
                        new ProductDetails("SKU-001", value, null, ProductKind.PRODUCT, "piece", null)),
                Arguments.of("description", 4000, (Function<String, ProductDetails>) value ->
                        new ProductDetails("SKU-001", "Widget", value, ProductKind.PRODUCT, "piece", null)),
                Arguments.of("unit", 40, (Function<String, ProductDetails>) value ->
                        new ProductDetails("SKU-001", "Widget", null, ProductKind.PRODUCT, value, null)));
    }

    private static ProductDetails withDescription(String description) {
        return new ProductDetails(FULL.code(), FULL.name(), description, FULL.kind(), FULL.unit(), FULL.leadTimeDays());
    }

    private static ProductDetails withLeadTime(Integer days) {
        return new ProductDetails(FULL.code(), FULL.name(), FULL.description(), FULL.kind(), FULL.unit(), days);
    }

    private static void assertRefused(ProductDetails details, String field, String code) {
        assertThatThrownBy(details::validated)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(code);
                });
    }
}
