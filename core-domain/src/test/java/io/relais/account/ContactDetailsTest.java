package io.relais.account;

import io.relais.common.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactDetailsTest {

    private static final String EMAIL = "jeanne.martin@example.fr";
    private static final String PHONE = "+33 6 12 34 56 78";

    /** Every field filled with a valid, already normalised value. */
    private static final ContactDetails FULL = new ContactDetails("Jeanne", "Martin", "Buyer",
            List.of(EMAIL, "jeanne@acme.example.fr"), List.of(PHONE, "04 72 00 00 00"), "Lyon fair 2024",
            DecisionRole.DECISION_MAKER, "Prefers e-mail");

    private static ContactDetails named(String firstName, String lastName) {
        return new ContactDetails(firstName, lastName, null, null, null, null, null, null);
    }

    private static ContactDetails withEmails(List<String> emails) {
        return new ContactDetails("Jeanne", "Martin", null, emails, null, null, null, null);
    }

    private static ContactDetails withPhones(List<String> phones) {
        return new ContactDetails("Jeanne", "Martin", null, null, phones, null, null, null);
    }

    @Nested
    class Construction {

        @Test
        void turnsNullListsIntoEmptyOnes() {
            ContactDetails details = named("Jeanne", null);

            assertThat(details.emails()).isNotNull().isEmpty();
            assertThat(details.phones()).isNotNull().isEmpty();
        }

        @Test
        void copiesTheListsItIsGiven() {
            List<String> emails = new ArrayList<>(List.of(EMAIL));
            ContactDetails details = withEmails(emails);

            emails.add("other@example.fr");

            assertThat(details.emails()).containsExactly(EMAIL);
            assertThatThrownBy(() -> details.emails().add("x@example.fr"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void doesNotValidate() {
            ContactDetails details = new ContactDetails(null, null, null, List.of("not an e-mail"), null, null,
                    null, null);

            assertThat(details.emails()).containsExactly("not an e-mail");
        }
    }

    @Nested
    class Validated {

        @Test
        void keepsValidNormalisedDetailsAsTheyAre() {
            assertThat(FULL.validated()).isEqualTo(FULL);
        }

        @Test
        void trimsEveryFieldAndTurnsBlankIntoNull() {
            ContactDetails padded = new ContactDetails(" Jeanne ", "\tMartin ", " Buyer ",
                    List.of(" " + EMAIL + " ", " jeanne@acme.example.fr"), List.of(" " + PHONE, "04 72 00 00 00 "),
                    " Lyon fair 2024 ", DecisionRole.DECISION_MAKER, " Prefers e-mail\n");

            assertThat(padded.validated()).isEqualTo(FULL);
        }

        @Test
        void turnsBlankOptionalFieldsIntoNull() {
            ContactDetails blank = new ContactDetails("Jeanne", " ", "  ", List.of(), List.of(), "\t", null, " ");

            assertThat(blank.validated()).isEqualTo(named("Jeanne", null));
        }

        @Test
        void acceptsAFirstNameAlone() {
            assertThat(named(" Jeanne ", null).validated()).isEqualTo(named("Jeanne", null));
        }

        @Test
        void acceptsALastNameAlone() {
            assertThat(named(null, " Martin").validated()).isEqualTo(named(null, "Martin"));
        }

        @Test
        void refusesAContactWithoutAName() {
            ContactDetails nameless = new ContactDetails(null, null, "Buyer", List.of(EMAIL), List.of(PHONE), null,
                    DecisionRole.BUYER, null);

            assertRefused(nameless, "lastName", "required");
        }

        @Test
        void refusesNamesThatAreOnlyBlank() {
            assertRefused(named("  ", "\t"), "lastName", "required");
        }

        @Test
        void keepsTheDecisionRole() {
            ContactDetails details = new ContactDetails("Jeanne", null, null, null, null, null,
                    DecisionRole.GATEKEEPER, null);

            assertThat(details.validated().decisionRole()).isEqualTo(DecisionRole.GATEKEEPER);
        }

        @ParameterizedTest(name = "{0} accepts {1} characters")
        @MethodSource("io.relais.account.ContactDetailsTest#maximumLengths")
        void acceptsTheMaximumLength(String field, int maxLength, Function<String, ContactDetails> with,
                                     Function<ContactDetails, String> read) {
            String longest = "a".repeat(maxLength);

            assertThat(read.apply(with.apply(longest).validated())).isEqualTo(longest);
        }

        @ParameterizedTest(name = "{0} refuses {1} + 1 characters")
        @MethodSource("io.relais.account.ContactDetailsTest#maximumLengths")
        void refusesOneCharacterOverTheMaximumLength(String field, int maxLength, Function<String, ContactDetails> with,
                                                     Function<ContactDetails, String> read) {
            assertRefused(with.apply("a".repeat(maxLength + 1)), field, "too-long");
        }
    }

    static Stream<Arguments> maximumLengths() {
        return Stream.of(
                Arguments.of("firstName", 100,
                        (Function<String, ContactDetails>) v -> named(v, "Martin"),
                        (Function<ContactDetails, String>) ContactDetails::firstName),
                Arguments.of("lastName", 100,
                        (Function<String, ContactDetails>) v -> named("Jeanne", v),
                        (Function<ContactDetails, String>) ContactDetails::lastName),
                Arguments.of("jobTitle", 100,
                        (Function<String, ContactDetails>) v -> new ContactDetails("Jeanne", null, v, null, null,
                                null, null, null),
                        (Function<ContactDetails, String>) ContactDetails::jobTitle),
                Arguments.of("relationshipOrigin", 200,
                        (Function<String, ContactDetails>) v -> new ContactDetails("Jeanne", null, null, null, null,
                                v, null, null),
                        (Function<ContactDetails, String>) ContactDetails::relationshipOrigin),
                Arguments.of("notes", 4000,
                        (Function<String, ContactDetails>) v -> new ContactDetails("Jeanne", null, null, null, null,
                                null, null, v),
                        (Function<ContactDetails, String>) ContactDetails::notes));
    }

    @Nested
    class Emails {

        @Test
        void refusesAnInvalidEmailNamingItsIndex() {
            assertRefused(withEmails(List.of(EMAIL, "jeanne@")), "emails[1]", "invalid-email");
        }

        @Test
        void refusesTheFirstInvalidEmail() {
            assertRefused(withEmails(List.of("nope", "jeanne@")), "emails[0]", "invalid-email");
        }

        @Test
        void countsBlankEntriesInTheIndex() {
            assertRefused(withEmails(List.of(EMAIL, " ", "still not an e-mail")), "emails[2]", "invalid-email");
        }

        @Test
        void dropsBlankEntries() {
            assertThat(withEmails(List.of(" ", EMAIL, "")).validated().emails()).containsExactly(EMAIL);
        }

        @Test
        void dropsDuplicatesWhateverTheirCaseKeepingTheFirstSpelling() {
            ContactDetails details = withEmails(List.of("Jeanne.Martin@Example.fr", EMAIL, " JEANNE.MARTIN@EXAMPLE.FR ",
                    "other@example.fr"));

            assertThat(details.validated().emails()).containsExactly("Jeanne.Martin@Example.fr", "other@example.fr");
        }

        @Test
        void acceptsFive() {
            List<String> five = IntStream.rangeClosed(1, 5).mapToObj(i -> "jeanne" + i + "@example.fr").toList();

            assertThat(withEmails(five).validated().emails()).containsExactlyElementsOf(five);
        }

        @Test
        void refusesMoreThanFive() {
            List<String> six = IntStream.rangeClosed(1, 6).mapToObj(i -> "jeanne" + i + "@example.fr").toList();

            assertRefused(withEmails(six), "emails", "too-many");
        }
    }

    @Nested
    class Phones {

        @Test
        void refusesAnInvalidPhoneNamingItsIndex() {
            assertRefused(withPhones(List.of(PHONE, "04 72 00 00 00", "call me")), "phones[2]", "invalid-phone");
        }

        @Test
        void dropsDuplicatesAndBlankEntries() {
            assertThat(withPhones(List.of(PHONE, " ", " " + PHONE + " ", "0472000000")).validated().phones())
                    .containsExactly(PHONE, "0472000000");
        }

        @Test
        void acceptsFive() {
            List<String> five = IntStream.rangeClosed(1, 5).mapToObj(i -> "04 72 00 00 0" + i).toList();

            assertThat(withPhones(five).validated().phones()).containsExactlyElementsOf(five);
        }

        @Test
        void refusesMoreThanFive() {
            List<String> six = IntStream.rangeClosed(1, 6).mapToObj(i -> "04 72 00 00 0" + i).toList();

            assertRefused(withPhones(six), "phones", "too-many");
        }

        @Test
        void emailsAndPhonesAreCountedApart() {
            List<String> fiveEmails = IntStream.rangeClosed(1, 5).mapToObj(i -> "jeanne" + i + "@example.fr").toList();
            List<String> fivePhones = IntStream.rangeClosed(1, 5).mapToObj(i -> "04 72 00 00 0" + i).toList();
            ContactDetails details = new ContactDetails("Jeanne", null, null, fiveEmails, fivePhones, null, null,
                    null);

            assertThat(details.validated()).isEqualTo(details);
        }
    }

    private static void assertRefused(ContactDetails details, String field, String code) {
        assertThatThrownBy(details::validated)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(code);
                });
    }
}
