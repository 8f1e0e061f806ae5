package io.relais.lead;

import io.relais.common.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LeadDetailsTest {

    private static final LeadDetails EMPTY =
            new LeadDetails(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** Every field filled with a valid, already normalised value. */
    private static final LeadDetails FULL = new LeadDetails("Jeanne", "Martin", "jeanne.martin@example.fr",
            "+33 1 23 45 67 89", "Acme SARL", "Buyer", "https://acme.example.fr", "69001", "Lyon", "FR",
            "Met at the Lyon fair", "62.01Z", "SMALL");

    /** Every field filled, each with another value than in {@link #FULL}. */
    private static final LeadDetails OTHER_FULL = new LeadDetails("Paul", "Durand", "paul.durand@example.fr",
            "+33 4 78 00 00 00", "Durand SA", "CFO", "https://durand.example.fr", "75001", "Paris", "BE",
            "Called twice", "46.51Z", "LARGE");

    private static LeadDetails with(LeadField field, String value) {
        return field.set(EMPTY, value);
    }

    private static LeadDetails with(LeadField field, String value, LeadField other, String otherValue) {
        return other.set(field.set(EMPTY, value), otherValue);
    }

    @Nested
    class Validated {

        @Test
        void keepsValidNormalisedDetailsAsTheyAre() {
            assertThat(FULL.validated()).isEqualTo(FULL);
        }

        @Test
        void keepsEmptyDetailsEmpty() {
            assertThat(EMPTY.validated()).isEqualTo(EMPTY);
        }

        @Test
        void trimsEveryFieldAndUpperCasesTheCountry() {
            LeadDetails padded = new LeadDetails(" Jeanne ", " Martin ", " jeanne.martin@example.fr ",
                    " +33 1 23 45 67 89 ", " Acme SARL ", " Buyer ", " https://acme.example.fr ", " 69001 ",
                    " Lyon ", " fr ", " Met at the Lyon fair ", " 6201z ", " small ");

            assertThat(padded.validated()).isEqualTo(FULL);
        }

        @Test
        void turnsBlankFieldsIntoNull() {
            LeadDetails blank = new LeadDetails(" ", "\t", "  ", " ", "", "\n", " ", " ", " ", " ", "   ", " ", " ");

            assertThat(blank.validated()).isEqualTo(EMPTY);
        }

        @Test
        void doesNotCheckForAContactPoint() {
            assertThatNoException().isThrownBy(EMPTY::validated);
        }

        @ParameterizedTest(name = "{0} = {1} -> {2}")
        @MethodSource("io.relais.lead.LeadDetailsTest#invalidValues")
        void refusesAnInvalidValueNamingTheField(LeadField field, String value, String code) {
            LeadDetails details = field.set(FULL, value);

            assertThatThrownBy(details::validated)
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo(field.fieldName());
                        assertThat(e.code()).isEqualTo(code);
                    });
        }

        @ParameterizedTest(name = "{0} accepts {1} characters")
        @MethodSource("io.relais.lead.LeadDetailsTest#maximumLengths")
        void acceptsTheMaximumLength(LeadField field, int maxLength) {
            String longest = "a".repeat(maxLength);

            assertThat(field.valueIn(field.set(FULL, longest).validated())).isEqualTo(longest);
        }

        @ParameterizedTest(name = "{0} refuses {1} + 1 characters")
        @MethodSource("io.relais.lead.LeadDetailsTest#maximumLengths")
        void refusesOneCharacterOverTheMaximumLength(LeadField field, int maxLength) {
            LeadDetails details = field.set(FULL, "a".repeat(maxLength + 1));

            assertThatThrownBy(details::validated)
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo(field.fieldName());
                        assertThat(e.code()).isEqualTo("too-long");
                    });
        }
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(LeadField.EMAIL, "jeanne.martin", "invalid-email"),
                Arguments.of(LeadField.PHONE, "call me", "invalid-phone"),
                Arguments.of(LeadField.WEBSITE, "not a website", "invalid-website"),
                Arguments.of(LeadField.COUNTRY, "XX", "invalid-country"),
                Arguments.of(LeadField.FIRST_NAME, "Jea\u0000nne", "invalid-characters"),
                Arguments.of(LeadField.NOTES, "bell\u0007", "invalid-characters"));
    }

    static Stream<Arguments> maximumLengths() {
        return Stream.of(
                Arguments.of(LeadField.FIRST_NAME, 100),
                Arguments.of(LeadField.LAST_NAME, 100),
                Arguments.of(LeadField.COMPANY, 200),
                Arguments.of(LeadField.JOB_TITLE, 100),
                Arguments.of(LeadField.POSTAL_CODE, 20),
                Arguments.of(LeadField.CITY, 100),
                Arguments.of(LeadField.NOTES, 4000));
    }

    @Nested
    class RequireContactPoint {

        @Test
        void acceptsAnEmailAlone() {
            assertThatNoException().isThrownBy(with(LeadField.EMAIL, "jeanne@example.fr")::requireContactPoint);
        }

        @Test
        void acceptsAPhoneAlone() {
            assertThatNoException().isThrownBy(with(LeadField.PHONE, "0612345678")::requireContactPoint);
        }

        @Test
        void acceptsAFirstNameWithACompany() {
            assertThatNoException().isThrownBy(
                    with(LeadField.FIRST_NAME, "Jeanne", LeadField.COMPANY, "Acme")::requireContactPoint);
        }

        @Test
        void acceptsALastNameWithACompany() {
            assertThatNoException().isThrownBy(
                    with(LeadField.LAST_NAME, "Martin", LeadField.COMPANY, "Acme")::requireContactPoint);
        }

        @Test
        void acceptsFullDetails() {
            assertThatNoException().isThrownBy(FULL::requireContactPoint);
        }

        @Test
        void refusesEmptyDetails() {
            assertMissingContactPoint(EMPTY);
        }

        @Test
        void refusesANameWithoutACompany() {
            assertMissingContactPoint(with(LeadField.FIRST_NAME, "Jeanne", LeadField.LAST_NAME, "Martin"));
        }

        @Test
        void refusesACompanyWithoutAName() {
            assertMissingContactPoint(with(LeadField.COMPANY, "Acme", LeadField.JOB_TITLE, "Buyer"));
        }

        @ParameterizedTest
        @EnumSource(value = LeadField.class, names = {"JOB_TITLE", "WEBSITE", "POSTAL_CODE", "CITY", "COUNTRY", "NOTES"})
        void refusesAnyOtherFieldAlone(LeadField field) {
            assertMissingContactPoint(with(field, "something"));
        }

        @Test
        void refusesEverythingButTheContactFields() {
            LeadDetails details = new LeadDetails(null, null, null, null, "Acme", "Buyer", "acme.example.fr",
                    "69001", "Lyon", "FR", "notes", "62.01Z", "SMALL");

            assertMissingContactPoint(details);
        }

        private void assertMissingContactPoint(LeadDetails details) {
            assertThatThrownBy(details::requireContactPoint)
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("email");
                        assertThat(e.code()).isEqualTo("missing-contact-point");
                    });
        }
    }

    @Nested
    class FilledFrom {

        @Test
        void takesEveryFieldIntoEmptyDetails() {
            assertThat(EMPTY.filledFrom(FULL)).isEqualTo(FULL);
        }

        @Test
        void keepsEveryFieldFilledHere() {
            assertThat(FULL.filledFrom(OTHER_FULL)).isEqualTo(FULL);
        }

        @Test
        void takesNothingFromEmptyDetails() {
            assertThat(FULL.filledFrom(EMPTY)).isEqualTo(FULL);
            assertThat(EMPTY.filledFrom(EMPTY)).isEqualTo(EMPTY);
        }

        @ParameterizedTest
        @EnumSource(LeadField.class)
        void fillsTheOneBlankFromTheOtherAndKeepsTheRest(LeadField field) {
            LeadDetails filled = field.set(FULL, null).filledFrom(OTHER_FULL);

            for (LeadField each : LeadField.values()) {
                assertThat(each.valueIn(filled)).as(each.fieldName())
                        .isEqualTo(each.valueIn(each == field ? OTHER_FULL : FULL));
            }
        }

        @ParameterizedTest
        @EnumSource(LeadField.class)
        void keepsTheOneFieldFilledHereAndTakesTheRest(LeadField field) {
            LeadDetails filled = with(field, "kept").filledFrom(FULL);

            for (LeadField each : LeadField.values()) {
                assertThat(each.valueIn(filled)).as(each.fieldName())
                        .isEqualTo(each == field ? "kept" : each.valueIn(FULL));
            }
        }

        @Test
        void takesOnlyWhatTheOtherHas() {
            LeadDetails here = with(LeadField.EMAIL, "jeanne@example.fr");

            assertThat(here.filledFrom(with(LeadField.CITY, "Lyon", LeadField.EMAIL, "other@example.fr")))
                    .isEqualTo(with(LeadField.EMAIL, "jeanne@example.fr", LeadField.CITY, "Lyon"));
        }
    }

    @Nested
    class Fields {

        @Test
        void coverEveryDetailInTheRecordsOrder() {
            String[] components = Arrays.stream(LeadDetails.class.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toArray(String[]::new);
            String[] fieldNames = Arrays.stream(LeadField.values())
                    .map(LeadField::fieldName)
                    .toArray(String[]::new);

            assertThat(fieldNames).containsExactly(components);
        }

        @ParameterizedTest
        @EnumSource(LeadField.class)
        void readTheMatchingDetail(LeadField field) throws Exception {
            Object expected = LeadDetails.class.getMethod(field.fieldName()).invoke(FULL);

            assertThat(field.valueIn(FULL)).isNotNull().isEqualTo(expected);
        }

        @ParameterizedTest
        @EnumSource(LeadField.class)
        void setOnlyTheirOwnDetail(LeadField field) {
            LeadDetails changed = field.set(FULL, "changed");

            assertThat(field.valueIn(changed)).isEqualTo("changed");
            for (LeadField other : LeadField.values()) {
                if (other != field) {
                    assertThat(other.valueIn(changed)).as(other.fieldName()).isEqualTo(other.valueIn(FULL));
                }
            }
        }

        @ParameterizedTest
        @EnumSource(LeadField.class)
        void clearTheirDetailWhenSetToNull(LeadField field) {
            assertThat(field.valueIn(field.set(FULL, null))).isNull();
        }

        @Test
        void setLeavesTheOriginalUntouched() {
            LeadField.CITY.set(FULL, "Paris");

            assertThat(FULL.city()).isEqualTo("Lyon");
        }

        @ParameterizedTest
        @EnumSource(LeadField.class)
        void areFoundByTheirClientName(LeadField field) {
            assertThat(LeadField.byName(field.fieldName())).contains(field);
        }

        @Test
        void areFoundByCamelCaseNames() {
            assertThat(LeadField.byName("postalCode")).contains(LeadField.POSTAL_CODE);
            assertThat(LeadField.byName("jobTitle")).contains(LeadField.JOB_TITLE);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "unknown", "FIRST_NAME", "firstname", "FirstName", " email", "email ", "status"})
        void areNotFoundByAnyOtherName(String name) {
            assertThat(LeadField.byName(name)).isEmpty();
        }
    }
}
