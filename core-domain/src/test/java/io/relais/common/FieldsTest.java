package io.relais.common;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsTest {

    /** Asserts that {@code call} is refused for {@code field} with the given stable {@code code}. */
    private static void assertRefused(ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> {
                    InvalidFieldException refusal = (InvalidFieldException) e;
                    assertThat(refusal.field()).as("field").isEqualTo(field);
                    assertThat(refusal.code()).as("code").isEqualTo(code);
                });
    }

    @Nested
    class Present {

        @Test
        void aMissingValueIsRefusedAsRequired() {
            assertRefused(() -> Fields.present("kind", null), "kind", "required");
        }

        @Test
        void aGivenValueIsKeptAsItIs() {
            LocalDate day = LocalDate.of(2026, 1, 31);
            assertThat(Fields.present("retiredOn", day)).isSameAs(day);
        }
    }

    @Nested
    class ReasonNote {

        @Test
        void theReasonIsRequired() {
            assertRefused(() -> Fields.reasonNote(null, "a note"), "reason", "required");
        }

        @Test
        void otherNeedsANote() {
            assertRefused(() -> Fields.reasonNote(Reason.OTHER, " "), "note", "required");
            assertThat(Fields.reasonNote(Reason.OTHER, " gone ")).isEqualTo("gone");
        }

        @Test
        void anotherReasonMayComeWithoutNote() {
            assertThat(Fields.reasonNote(Reason.PRICE, null)).isNull();
        }

        @Test
        void theNoteIsFreeTextOfAtMostAThousandCharacters() {
            assertRefused(() -> Fields.reasonNote(Reason.PRICE, "x".repeat(1001)), "note", "too-long");
        }
    }

    private enum Reason { PRICE, OTHER }

    @Nested
    class Text {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   ", "\t", "\n\r\t ", "\u2003"})
        void nullEmptyAndBlankBecomeNull(String value) {
            assertThat(Fields.text("city", value, 10)).isNull();
        }

        @Test
        void trimsLeadingAndTrailingWhitespace() {
            assertThat(Fields.text("city", "  Lyon \t\n", 10)).isEqualTo("Lyon");
        }

        @Test
        void trimsUnicodeWhitespaceToo() {
            assertThat(Fields.text("city", "\u2003Lyon\u2003", 10)).isEqualTo("Lyon");
        }

        @Test
        void keepsWhitespaceInside() {
            assertThat(Fields.text("firstName", " Jean  Pierre ", 20)).isEqualTo("Jean  Pierre");
        }

        @Test
        void acceptsExactlyTheMaximumLength() {
            assertThat(Fields.text("postalCode", "12345", 5)).isEqualTo("12345");
        }

        @Test
        void refusesOneCharacterMoreThanTheMaximum() {
            assertRefused(() -> Fields.text("postalCode", "123456", 5), "postalCode", "too-long");
        }

        @Test
        void tooLongMessageNamesTheFieldTheLimitAndTheLength() {
            assertThatThrownBy(() -> Fields.text("postalCode", "123456", 5))
                    .hasMessage("postalCode must be at most 5 characters (got 6)");
        }

        @Test
        void measuresTheLengthAfterTrimming() {
            assertThat(Fields.text("postalCode", "   12345   ", 5)).isEqualTo("12345");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a\u0000b", "a\u0007b", "bell\u0007", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u009Fb"})
        void refusesControlCharacters(String value) {
            assertRefused(() -> Fields.text("notes", value, 100), "notes", "invalid-characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"line one\nline two", "a\tb", "a\r\nb"})
        void allowsLineBreaksAndTabsInside(String value) {
            assertThat(Fields.text("notes", value, 100)).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\ud800", "Dupont\ud83d", "\ude00Dupont", "a\udc00\ud800b", "\ud83d\ud83d\ude00"})
        void refusesHalfASurrogatePair(String value) {
            assertRefused(() -> Fields.text("lastName", value, 100), "lastName", "invalid-characters");
        }

        @Test
        void keepsCharactersMadeOfASurrogatePair() {
            assertThat(Fields.text("notes", "Merci \ud83d\ude00 \ud835\udc9c", 100)).isEqualTo("Merci 😀 𝒜");
        }
    }

    @Nested
    class Required {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void refusesMissingOrBlankValues(String value) {
            assertRefused(() -> Fields.required("source", value, 10), "source", "required");
        }

        @Test
        void returnsTheTrimmedValue() {
            assertThat(Fields.required("source", "  web  ", 10)).isEqualTo("web");
        }

        @Test
        void stillChecksTheLength() {
            assertRefused(() -> Fields.required("source", "abcdefghijk", 10), "source", "too-long");
        }
    }

    @Nested
    class Email {

        @ParameterizedTest
        @ValueSource(strings = {
                "jeanne.martin@example.fr",
                "j.o'neil+crm@mail.example.co.uk",
                "USER@EXAMPLE.COM",
                "a@b.io",
                "first_last-1@sub-domain.example.org",
                "x@123.example.com"})
        void acceptsValidAddresses(String value) {
            assertThat(Fields.email("email", value)).isEqualTo(value);
        }

        @Test
        void trimsTheAddress() {
            assertThat(Fields.email("email", "  jeanne@example.fr  ")).isEqualTo("jeanne@example.fr");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void blankBecomesNull(String value) {
            assertThat(Fields.email("email", value)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "plainaddress",
                "@example.fr",
                "jeanne@",
                "jeanne@example",
                "jeanne@@example.fr",
                "jeanne martin@example.fr",
                "jeanne@-example.fr",
                "jeanne@example-.fr",
                "jeanne@example..fr",
                "jeanne@example.fr.",
                "jeanne@exa_mple.fr",
                "éloïse@example.fr",
                "jeanne@example.fr, paul@example.fr"})
        void refusesMalformedAddresses(String value) {
            assertRefused(() -> Fields.email("email", value), "email", "invalid-email");
        }

        @Test
        void acceptsALocalPartOf64Characters() {
            String address = "a".repeat(64) + "@example.fr";
            assertThat(Fields.email("email", address)).isEqualTo(address);
        }

        @Test
        void refusesALocalPartLongerThan64Characters() {
            assertRefused(() -> Fields.email("email", "a".repeat(65) + "@example.fr"), "email", "invalid-email");
        }

        @Test
        void refusesAddressesLongerThan254Characters() {
            String address = "a@" + (("b".repeat(60)) + ".").repeat(5) + "fr";
            assertThat(address).hasSizeGreaterThan(254);
            assertRefused(() -> Fields.email("email", address), "email", "too-long");
        }

        @Test
        void usesTheFieldNameGivenByTheCaller() {
            assertRefused(() -> Fields.email("contact.email", "nope"), "contact.email", "invalid-email");
        }
    }

    @Nested
    class Phone {

        @ParameterizedTest
        @ValueSource(strings = {
                "+33 1 23 45 67 89",
                "0123456789",
                "(555) 123-4567",
                "+1.555.123.4567",
                "123456",
                "+123456789012345"})
        void acceptsValidNumbers(String value) {
            assertThat(Fields.phone("phone", value)).isEqualTo(value);
        }

        @Test
        void trimsTheNumber() {
            assertThat(Fields.phone("phone", "  06 12 34 56 78 ")).isEqualTo("06 12 34 56 78");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void blankBecomesNull(String value) {
            assertThat(Fields.phone("phone", value)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "12345",
                "+1234567890123456",
                "phone",
                "+33 1 23 45 67 89 ext 5",
                "33+123456",
                "++33123456",
                "(((((((",
                "12345678a",
                "+33/123456789"})
        void refusesMalformedNumbers(String value) {
            assertRefused(() -> Fields.phone("phone", value), "phone", "invalid-phone");
        }

        @Test
        void refusesNumbersLongerThan32Characters() {
            assertRefused(() -> Fields.phone("phone", "1".repeat(33)), "phone", "too-long");
        }
    }

    @Nested
    class Website {

        @ParameterizedTest
        @ValueSource(strings = {
                "example.com",
                "www.example.fr",
                "https://example.com",
                "http://example.com:8080/path?q=1",
                "https://sub.example.co.uk/a/b",
                "EXAMPLE.COM",
                "HTTPS://Example.com/Page"})
        void acceptsValidAddresses(String value) {
            assertThat(Fields.website("website", value)).isEqualTo(value);
        }

        @Test
        void trimsTheAddress() {
            assertThat(Fields.website("website", " example.com ")).isEqualTo("example.com");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void blankBecomesNull(String value) {
            assertThat(Fields.website("website", value)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "example",
                "http://localhost",
                "ftp://example.com",
                "https://exa mple.com",
                "https://-example.com",
                "://example.com",
                "example.com/with space",
                "https://example.com:123456",
                "javascript:alert(1)"})
        void refusesMalformedAddresses(String value) {
            assertRefused(() -> Fields.website("website", value), "website", "invalid-website");
        }

        @Test
        void refusesAddressesLongerThan255Characters() {
            assertRefused(() -> Fields.website("website", "example.com/" + "a".repeat(250)), "website", "too-long");
        }
    }

    @Nested
    class Country {

        @ParameterizedTest
        @ValueSource(strings = {"FR", "fr", " fr ", "Fr", "fR"})
        void normalisesToUpperCase(String value) {
            assertThat(Fields.country("country", value)).isEqualTo("FR");
        }

        @ParameterizedTest
        @ValueSource(strings = {"DE", "GB", "US", "JP", "BE"})
        void acceptsIsoAlpha2Codes(String value) {
            assertThat(Fields.country("country", value)).isEqualTo(value);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void blankBecomesNull(String value) {
            assertThat(Fields.country("country", value)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"XX", "UK", "ZZ", "1A", "F", "é"})
        void refusesUnknownCodes(String value) {
            assertRefused(() -> Fields.country("country", value), "country", "invalid-country");
        }

        @ParameterizedTest
        @ValueSource(strings = {"FRA", "France"})
        void refusesLongerNamesAsUnknownCodes(String value) {
            assertRefused(() -> Fields.country("country", value), "country", "invalid-country");
        }
    }

    @Nested
    class Identifier {

        @ParameterizedTest
        @ValueSource(strings = {"rep-1", "user.name@example.fr", "ABC_123", "a", "0f8fad5b-d9cb-469f-a165-70867728950e"})
        void acceptsLettersDigitsAndDotUnderscoreAtDash(String value) {
            assertThat(Fields.identifier("ownerId", value)).isEqualTo(value);
        }

        @Test
        void trimsTheIdentifier() {
            assertThat(Fields.identifier("ownerId", "  rep-1  ")).isEqualTo("rep-1");
        }

        @Test
        void acceptsExactly100Characters() {
            assertThat(Fields.identifier("ownerId", "a".repeat(100))).hasSize(100);
        }

        @Test
        void refusesMoreThan100Characters() {
            assertRefused(() -> Fields.identifier("ownerId", "a".repeat(101)), "ownerId", "too-long");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void isRequired(String value) {
            assertRefused(() -> Fields.identifier("ownerId", value), "ownerId", "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"rep 1", "rep/1", "rép", "rep#1", "rep:1", "rep+1", "<script>"})
        void refusesOtherCharacters(String value) {
            assertRefused(() -> Fields.identifier("ownerId", value), "ownerId", "invalid-identifier");
        }
    }

    @Nested
    class UserIds {

        @ParameterizedTest
        @ValueSource(strings = {"jm", "jeanne.martin", "rep_1", "a-b-c", "0rep"})
        void acceptsLowerCaseLogins(String value) {
            assertThat(Fields.userId("userId", value)).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"j", "Jeanne", "jeanne martin", ".rep", "-rep", "system:bootstrap", "été"})
        void refusesOtherLogins(String value) {
            assertRefused(() -> Fields.userId("userId", value), "userId", "invalid-user-id");
        }

        @Test
        void refusesALoginOfMoreThan64Characters() {
            assertRefused(() -> Fields.userId("userId", "a".repeat(65)), "userId", "too-long");
        }
    }

    @Nested
    class NafCodes {

        @ParameterizedTest
        @ValueSource(strings = {"62.01Z", "6201Z", "62.01z", " 6201z "})
        void normalisesToTheDottedUpperCaseForm(String value) {
            assertThat(Fields.nafCode("nafCode", value)).isEqualTo("62.01Z");
        }

        @ParameterizedTest
        @ValueSource(strings = {"62.01", "620.1Z", "62.01ZZ", "AB.CDE", "6201"})
        void refusesOtherShapes(String value) {
            assertRefused(() -> Fields.nafCode("nafCode", value), "nafCode", "invalid-naf-code");
        }
    }

    @Nested
    class RegistrationNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"732829320", "552100554", "443 061 841"})
        void acceptsSirensPassingTheLuhnCheck(String value) {
            assertThat(Fields.siren("siren", value)).isEqualTo(value.replace(" ", ""));
        }

        @Test
        void refusesASirenFailingTheLuhnCheck() {
            assertRefused(() -> Fields.siren("siren", "732829321"), "siren", "invalid-siren");
        }

        @ParameterizedTest
        @ValueSource(strings = {"73282932", "7328293201", "73282932A", "siren"})
        void refusesASirenOfTheWrongShape(String value) {
            assertRefused(() -> Fields.siren("siren", value), "siren", "invalid-siren");
        }

        @ParameterizedTest
        @ValueSource(strings = {"73282932000074", "552 100 554 00013", "44306184100047"})
        void acceptsSiretsPassingTheLuhnCheck(String value) {
            assertThat(Fields.siret("siret", value)).isEqualTo(value.replace(" ", ""));
        }

        @Test
        void acceptsLaPosteSiretsByTheirOwnRule() {
            assertThat(Fields.siret("siret", "35600000049837")).isEqualTo("35600000049837");
            assertRefused(() -> Fields.siret("siret", "35600000049838"), "siret", "invalid-siret");
        }

        @ParameterizedTest
        @ValueSource(strings = {"73282932000075", "7328293200007", "732829320000741", "7328293200007A"})
        void refusesOtherSirets(String value) {
            assertRefused(() -> Fields.siret("siret", value), "siret", "invalid-siret");
        }

        @Test
        void blankIsNull() {
            assertThat(Fields.siren("siren", " ")).isNull();
            assertThat(Fields.siret("siret", null)).isNull();
        }
    }

    @Nested
    class Amounts {

        @Test
        void nullStaysNull() {
            assertThat(Fields.amount("unitPrice", null, 4)).isNull();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"12.3456, 12.3456", "12.3400, 12.34", "12.5, 12.5", "100.00, 100", "100, 100", "1.5E+5, 150000",
                "1E+2, 100", "0.0001, 0.0001", "0.0000, 0", "0, 0"})
        void stripsTrailingZerosAndNeverAnswersWithAnExponent(String value, String expected) {
            BigDecimal amount = Fields.amount("unitPrice", new BigDecimal(value), 4);

            assertThat(amount).isEqualTo(new BigDecimal(expected));
            assertThat(amount.scale()).isNotNegative();
            assertThat(amount.toString()).isEqualTo(expected);
        }

        @Test
        void makesAmountsThatDifferOnlyByTheirScaleEqual() {
            assertThat(Fields.amount("creditLimit", new BigDecimal("50000.00"), 2))
                    .isEqualTo(Fields.amount("creditLimit", new BigDecimal("5E+4"), 2));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.0001", "-1", "-1E+3"})
        void refusesNegativeAmounts(String value) {
            assertRefused(() -> Fields.amount("unitPrice", new BigDecimal(value), 4), "unitPrice", "invalid-amount");
        }

        @Test
        void acceptsExactlyTheGivenNumberOfDecimals() {
            assertThat(Fields.amount("unitPrice", new BigDecimal("0.125"), 3)).isEqualTo(new BigDecimal("0.125"));
        }

        @Test
        void refusesOneDecimalMoreThanGiven() {
            assertRefused(() -> Fields.amount("unitPrice", new BigDecimal("0.125"), 2), "unitPrice", "invalid-amount");
        }

        @Test
        void refusesExtraDecimalsEvenWhenTheyAreZeros() {
            assertRefused(() -> Fields.amount("unitPrice", new BigDecimal("10.00000"), 4), "unitPrice",
                    "invalid-amount");
        }

        @Test
        void acceptsWholeNumbersOnlyWithNoDecimals() {
            assertThat(Fields.amount("quantity", new BigDecimal("12"), 0)).isEqualTo(new BigDecimal("12"));
            assertRefused(() -> Fields.amount("quantity", new BigDecimal("12.5"), 0), "quantity", "invalid-amount");
        }

        @ParameterizedTest
        @ValueSource(strings = {"999999999999999.9999", "1E+14"})
        void acceptsFifteenDigitsBeforeThePoint(String value) {
            BigDecimal amount = Fields.amount("unitPrice", new BigDecimal(value), 4);

            assertThat(amount).isEqualByComparingTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567890123456", "1000000000000000.5", "1E+15", "1E+2147483647", "9.9E+2147483647"})
        void refusesMoreThanFifteenDigitsBeforeThePoint(String value) {
            assertRefused(() -> Fields.amount("unitPrice", new BigDecimal(value), 4), "unitPrice", "invalid-amount");
        }

        @Test
        void refusalNamesTheFieldAndTheNumberOfDecimals() {
            assertThatThrownBy(() -> Fields.amount("lines.unitPrice", new BigDecimal("-1"), 4))
                    .hasMessage("lines.unitPrice must be zero or more, with at most 15 digits and 4 decimals");
            assertRefused(() -> Fields.amount("lines.unitPrice", new BigDecimal("-1"), 4), "lines.unitPrice",
                    "invalid-amount");
        }
    }

    @Nested
    class Percentages {

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.01", "12.5", "99.99", "100", "100.00"})
        void acceptsZeroToAHundredWithCents(String value) {
            assertThat(Fields.percent("ourShare", new BigDecimal(value))).isEqualByComparingTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"100.01", "101", "1E+3"})
        void refusesMoreThanAHundred(String value) {
            assertRefused(() -> Fields.percent("ourShare", new BigDecimal(value)), "ourShare", "out-of-range");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "12.345"})
        void refusesNegativeOrFinerValues(String value) {
            assertRefused(() -> Fields.percent("discountPercent", new BigDecimal(value)), "discountPercent",
                    "invalid-amount");
        }
    }

    @Nested
    class WholeNumbers {

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 3650})
        void acceptsTheBoundsAndBetween(int value) {
            assertThat(Fields.integer("leadTimeDays", value, 0, 3650)).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(ints = {Integer.MIN_VALUE, -1, 3651, Integer.MAX_VALUE})
        void refusesWhatLiesOutside(int value) {
            assertRefused(() -> Fields.integer("leadTimeDays", value, 0, 3650), "leadTimeDays", "out-of-range");
        }
    }

    @Nested
    class DatesAndInstants {

        @ParameterizedTest
        @ValueSource(strings = {"1900-01-01", "2026-07-14", "2999-12-31"})
        void acceptsDatesOfTheYears1900To2999(LocalDate date) {
            assertThat(Fields.date("validFrom", date)).isEqualTo(date);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-999999999-01-01", "-4714-11-24", "0000-01-01", "0001-01-01", "1899-12-31",
                "3000-01-01", "+294276-12-31", "+999999999-12-31"})
        void refusesDatesOutsideThem(LocalDate date) {
            assertRefused(() -> Fields.date("validFrom", date), "validFrom", "out-of-range");
            assertThatThrownBy(() -> Fields.date("validFrom", date))
                    .hasMessage("validFrom must be in the years 1900 to 2999");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1900-01-01T00:00:00Z", "2026-07-14T09:30:00Z", "2999-12-31T23:59:59.999999999Z"})
        void acceptsInstantsOfTheYears1900To2999(Instant instant) {
            assertThat(Fields.instant("dueAt", instant)).isEqualTo(instant);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "1899-12-31T23:59:59.999999999Z", "3000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "+1000000000-12-31T23:59:59.999999999Z"})
        void refusesInstantsOutsideThem(Instant instant) {
            assertRefused(() -> Fields.instant("dueAt", instant), "dueAt", "out-of-range");
        }

        @Test
        void nullStaysNull() {
            assertThat(Fields.date("validUntil", null)).isNull();
            assertThat(Fields.instant("remindAt", null)).isNull();
        }

        @ParameterizedTest
        @ValueSource(ints = {Integer.MIN_VALUE, 0, 1899, 3000, 9999})
        void refusesYearsOutsideThem(int year) {
            assertRefused(() -> Fields.year("period", year), "period", "out-of-range");
        }
    }

    @Nested
    class Currencies {

        @ParameterizedTest
        @ValueSource(strings = {"EUR", "eur", " eur ", "Eur", "eUr", "\tEUR\n"})
        void normalisesToUpperCase(String value) {
            assertThat(Fields.currency("currency", value)).isEqualTo("EUR");
        }

        @ParameterizedTest
        @ValueSource(strings = {"USD", "GBP", "CHF", "JPY", "XOF"})
        void acceptsIso4217Codes(String value) {
            assertThat(Fields.currency("currency", value)).isEqualTo(value);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void blankBecomesNull(String value) {
            assertThat(Fields.currency("currency", value)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"EUX", "ABC", "E1R", "EU", "E", "\u20AC", "éur"})
        void refusesUnknownCodes(String value) {
            assertRefused(() -> Fields.currency("currency", value), "currency", "invalid-currency");
        }

        @ParameterizedTest
        @ValueSource(strings = {"EURO", "euros", "US Dollar"})
        void refusesLongerValuesAsTooLong(String value) {
            assertRefused(() -> Fields.currency("currency", value), "currency", "too-long");
        }

        @Test
        void usesTheFieldNameGivenByTheCaller() {
            assertRefused(() -> Fields.currency("price.currency", "EUX"), "price.currency", "invalid-currency");
            assertThatThrownBy(() -> Fields.currency("price.currency", "EUX"))
                    .hasMessage("price.currency must be an ISO 4217 currency code");
        }
    }
}
