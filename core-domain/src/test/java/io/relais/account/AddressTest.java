package io.relais.account;

import io.relais.common.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressTest {

    /** Every part filled with a valid, already normalised value. */
    private static final Address FULL = new Address("1 rue X", "69002", "Lyon", "FR");

    @Nested
    class Validated {

        @Test
        void keepsAValidNormalisedAddressAsItIs() {
            assertThat(FULL.validated("billingAddress")).isEqualTo(FULL);
        }

        @Test
        void trimsEveryPartAndUpperCasesTheCountry() {
            Address padded = new Address("  1 rue X ", " 69002 ", "\tLyon ", " fr ");

            assertThat(padded.validated("billingAddress")).isEqualTo(FULL);
        }

        @Test
        void keepsAPartialAddressTurningBlankPartsIntoNull() {
            Address partial = new Address(" ", null, " Lyon ", "");

            assertThat(partial.validated("billingAddress")).isEqualTo(new Address(null, null, "Lyon", null));
        }

        @Test
        void keepsACountryAlone() {
            assertThat(new Address(null, null, null, "be").validated("deliveryAddress"))
                    .isEqualTo(new Address(null, null, null, "BE"));
        }

        @Test
        void becomesNullWhenEveryPartIsBlank() {
            assertThat(new Address(" ", "", "\t", "  ").validated("billingAddress")).isNull();
        }

        @Test
        void becomesNullWhenEveryPartIsMissing() {
            assertThat(new Address(null, null, null, null).validated("billingAddress")).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"XX", "UK", "FRA", "France", "F"})
        void refusesACountryThatIsNotAnIsoCodeNamingTheAddress(String country) {
            Address address = new Address("1 rue X", "69002", "Lyon", country);

            assertThatThrownBy(() -> address.validated("billingAddress"))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("billingAddress.country");
                        assertThat(e.code()).isEqualTo("invalid-country");
                    });
        }

        @Test
        void namesTheFieldAfterTheAddressItIsValidatedAs() {
            Address address = new Address("1 rue X", "69002", "Lyon", "ZZ");

            assertThatThrownBy(() -> address.validated("deliveryAddress"))
                    .isInstanceOfSatisfying(InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo("deliveryAddress.country"));
        }

        @Test
        void refusesControlCharacters() {
            Address address = new Address("1 rue\u0000 X", "69002", "Lyon", "FR");

            assertThatThrownBy(() -> address.validated("billingAddress"))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("billingAddress.street");
                        assertThat(e.code()).isEqualTo("invalid-characters");
                    });
        }

        @ParameterizedTest(name = "{0} accepts {2} characters")
        @MethodSource("io.relais.account.AddressTest#maximumLengths")
        void acceptsTheMaximumLength(String part, Function<String, Address> withPart, int maxLength,
                                     Function<Address, String> read) {
            String longest = "a".repeat(maxLength);

            assertThat(read.apply(withPart.apply(longest).validated("billingAddress"))).isEqualTo(longest);
        }

        @ParameterizedTest(name = "{0} refuses {2} + 1 characters")
        @MethodSource("io.relais.account.AddressTest#maximumLengths")
        void refusesOneCharacterOverTheMaximumLength(String part, Function<String, Address> withPart, int maxLength,
                                                     Function<Address, String> read) {
            Address address = withPart.apply("a".repeat(maxLength + 1));

            assertThatThrownBy(() -> address.validated("billingAddress"))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("billingAddress." + part);
                        assertThat(e.code()).isEqualTo("too-long");
                    });
        }
    }

    static Stream<Arguments> maximumLengths() {
        return Stream.of(
                Arguments.of("street", (Function<String, Address>) v -> new Address(v, "69002", "Lyon", "FR"), 200,
                        (Function<Address, String>) Address::street),
                Arguments.of("postalCode", (Function<String, Address>) v -> new Address("1 rue X", v, "Lyon", "FR"),
                        20, (Function<Address, String>) Address::postalCode),
                Arguments.of("city", (Function<String, Address>) v -> new Address("1 rue X", "69002", v, "FR"), 100,
                        (Function<Address, String>) Address::city));
    }

    @Nested
    class ReadyForInvoicing {

        @Test
        void whenEveryPartIsThere() {
            assertThat(FULL.readyForInvoicing()).isTrue();
        }

        @Test
        void notWithoutAStreet() {
            assertThat(new Address(null, "69002", "Lyon", "FR").readyForInvoicing()).isFalse();
        }

        @Test
        void notWithoutAPostalCode() {
            assertThat(new Address("1 rue X", null, "Lyon", "FR").readyForInvoicing()).isFalse();
        }

        @Test
        void notWithoutACity() {
            assertThat(new Address("1 rue X", "69002", null, "FR").readyForInvoicing()).isFalse();
        }

        @Test
        void notWithoutACountry() {
            assertThat(new Address("1 rue X", "69002", "Lyon", null).readyForInvoicing()).isFalse();
        }

        @Test
        void notWhenEmpty() {
            assertThat(new Address(null, null, null, null).readyForInvoicing()).isFalse();
        }
    }
}
