package io.relais.duplicate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MatchKeysTest {

    @Nested
    class Email {

        @ParameterizedTest
        @ValueSource(strings = {
                "jeanne.martin@example.fr",
                "jeannemartin@example.fr",
                "Jeanne.Martin@Example.FR",
                "JEANNE.MARTIN@EXAMPLE.FR",
                "jeanne.martin+crm@example.fr",
                "Jeanne.Martin+Salon-Lyon-2024@example.fr",
                "j.e.a.n.n.e.m.a.r.t.i.n@example.fr",
                "jeanne..martin@example.fr",
                "  jeanne.martin@example.fr \t",
                "jeanne.martin+@example.fr"})
        void bringsCaseDotAndTagVariantsToOneKey(String email) {
            assertThat(MatchKeys.email(email)).isEqualTo("jeannemartin@example.fr");
        }

        @ParameterizedTest
        @CsvSource({
                "Élodie.Bérénice@Lyon-Métropole.fr, élodiebérénice@lyon-métropole.fr",
                "FRANÇOIS.LEFÈVRE@EXAMPLE.FR,       françoislefèvre@example.fr",
                "o'neil.dupré@example.fr,           o'neildupré@example.fr"})
        void lowerCasesAccentedLettersToo(String email, String key) {
            assertThat(MatchKeys.email(email)).isEqualTo(key);
        }

        @Test
        void keepsTheDotsOfTheDomain() {
            assertThat(MatchKeys.email("jeanne.martin@mail.acme.example.co.uk"))
                    .isEqualTo("jeannemartin@mail.acme.example.co.uk");
        }

        @Test
        void keepsAPlusInTheDomain() {
            assertThat(MatchKeys.email("jeanne+crm@ex+ample.fr")).isEqualTo("jeanne@ex+ample.fr");
        }

        @Test
        void dropsEverythingFromTheFirstPlusOn() {
            assertThat(MatchKeys.email("jeanne.martin+crm+salon@example.fr")).isEqualTo("jeannemartin@example.fr");
        }

        @Test
        void dropsTheDotsBeforeTheTagToo() {
            assertThat(MatchKeys.email("jeanne.martin+a.b@example.fr")).isEqualTo("jeannemartin@example.fr");
        }

        @Test
        void keepsALeadingPlusThatIsTheWholeLocalPartsStart() {
            assertThat(MatchKeys.email("+Salon.Lyon@example.fr")).isEqualTo("+salonlyon@example.fr");
        }

        @Test
        void splitsAtTheLastAt() {
            assertThat(MatchKeys.email("\"j.m@dupont.fr\"@example.fr")).isEqualTo("\"jm@dupontfr\"@example.fr");
        }

        @Test
        void tellsDifferentMailboxesApart() {
            assertThat(MatchKeys.email("jeanne.martin@example.fr"))
                    .isNotEqualTo(MatchKeys.email("jeanne.martin@example.com"))
                    .isNotEqualTo(MatchKeys.email("jeanne.marin@example.fr"))
                    .isNotEqualTo(MatchKeys.email("jeanne.martin@exemple.fr"));
        }

        @Test
        void tellsTheSameLocalPartAtAnotherDomainApart() {
            assertThat(MatchKeys.email("J.M@acme.fr")).isEqualTo("jm@acme.fr");
            assertThat(MatchKeys.email("j.m@acme-lyon.fr")).isEqualTo("jm@acme-lyon.fr");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   ", "\t", "\n\r\t ", "\u2003"})
        void blankIsNoKey(String email) {
            assertThat(MatchKeys.email(email)).isNull();
        }
    }

    @Nested
    class Phone {

        @ParameterizedTest
        @ValueSource(strings = {
                "04 72 00 00 00",
                "0472000000",
                "04.72.00.00.00",
                "04-72-00-00-00",
                "(04) 72 00 00 00",
                "+33 4 72 00 00 00",
                "+33472000000",
                "+33 (4) 72 00 00 00",
                "33 4 72 00 00 00",
                "0033 4 72 00 00 00",
                "0033472000000",
                "00 33 4 72 00 00 00",
                "  04 72 00 00 00  ",
                "Tél. : 04 72 00 00 00"})
        void bringsFrenchNationalAndInternationalFormsToOneKey(String phone) {
            assertThat(MatchKeys.phone(phone)).isEqualTo("33472000000");
        }

        @ParameterizedTest
        @CsvSource({
                "06 12 34 56 78,      33612345678",
                "+33 6 12 34 56 78,   33612345678",
                "0033612345678,       33612345678",
                "01 23 45 67 89,      33123456789",
                "09 70 80 90 00,      33970809000",
                "08 00 00 00 00,      33800000000"})
        void givesEveryFrenchNumberTheCountryCode(String phone, String key) {
            assertThat(MatchKeys.phone(phone)).isEqualTo(key);
        }

        @ParameterizedTest
        @CsvSource({
                "+44 20 7946 0958,    442079460958",
                "0044 20 7946 0958,   442079460958",
                "+1 (555) 123-4567,   15551234567",
                "+1.555.123.4567,     15551234567",
                "+32 2 123 45 67,     3221234567",
                "+41 44 668 18 00,    41446681800"})
        void keepsForeignNumbersInInternationalForm(String phone, String key) {
            assertThat(MatchKeys.phone(phone)).isEqualTo(key);
        }

        @ParameterizedTest
        @CsvSource({
                "472000000,          472000000",
                "047200000,          047200000",
                "04720000000,        04720000000",
                "123456,             123456"})
        void addsTheCountryCodeOnlyToTenDigitsStartingWithZero(String phone, String key) {
            assertThat(MatchKeys.phone(phone)).isEqualTo(key);
        }

        @Test
        void dropsThe00PrefixBeforeCountingTheDigits() {
            assertThat(MatchKeys.phone("0012345678")).isEqualTo("12345678");
        }

        @Test
        void tellsDifferentNumbersApart() {
            assertThat(MatchKeys.phone("04 72 00 00 00")).isNotEqualTo(MatchKeys.phone("04 78 00 00 00"));
            assertThat(MatchKeys.phone("+33 4 72 00 00 00")).isNotEqualTo(MatchKeys.phone("+32 4 72 00 00 00"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"123456", "12 34 56", "+1 23456"})
        void keepsSixDigits(String phone) {
            assertThat(MatchKeys.phone(phone)).isEqualTo("123456");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "12345", "3949", "1 2 3 4 5", "+", "()-. ", "téléphone", "00 12 34", "0012345"})
        void isNoKeyBelowSixDigits(String phone) {
            assertThat(MatchKeys.phone(phone)).isNull();
        }
    }

    @Nested
    class Domain {

        @ParameterizedTest
        @ValueSource(strings = {
                "dupont.fr",
                "www.dupont.fr",
                "https://dupont.fr",
                "https://www.dupont.fr",
                "http://www.dupont.fr/",
                "https://www.dupont.fr/contact",
                "https://www.dupont.fr/fr/contact/index.html",
                "https://www.dupont.fr:8443/contact",
                "http://dupont.fr:80",
                "https://www.dupont.fr?utm_source=salon&utm_medium=qr",
                "https://www.dupont.fr/?lang=fr",
                "https://www.dupont.fr#equipe",
                "dupont.fr/contact",
                "WWW.DUPONT.FR",
                "Https://Www.Dupont.Fr/Contact",
                "HTTPS://WWW.DUPONT.FR",
                "  https://www.dupont.fr/  "})
        void bringsSchemeWwwPortPathQueryAndCaseVariantsToTheHost(String website) {
            assertThat(MatchKeys.domain(website)).isEqualTo("dupont.fr");
        }

        @ParameterizedTest
        @CsvSource({
                "https://boutique.dupont.fr/panier,    boutique.dupont.fr",
                "https://www.boulangerie-dupont.fr,    boulangerie-dupont.fr",
                "http://www.acme.example.co.uk:8080/a, acme.example.co.uk",
                "https://www2.dupont.fr,               www2.dupont.fr",
                "ftp://files.dupont.fr/tarifs.pdf,     files.dupont.fr",
                "svn+ssh://svn.dupont.fr/depot,        svn.dupont.fr"})
        void keepsTheRestOfTheHost(String website, String domain) {
            assertThat(MatchKeys.domain(website)).isEqualTo(domain);
        }

        @Test
        void tellsASubdomainFromItsParentApart() {
            assertThat(MatchKeys.domain("https://lyon.dupont.fr")).isNotEqualTo(MatchKeys.domain("https://dupont.fr"));
        }

        @Test
        void tellsAnotherTopLevelDomainApart() {
            assertThat(MatchKeys.domain("https://www.dupont.fr")).isNotEqualTo(MatchKeys.domain("https://www.dupont.com"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t", "https://", "http:///contact", "www.", "https://www./", "/contact", "?q=1",
                ":8080"})
        void isNoKeyWithoutAHost(String website) {
            assertThat(MatchKeys.domain(website)).isNull();
        }
    }

    @Nested
    class EdgeCases {

        @ParameterizedTest
        @ValueSource(strings = {"+33 (0)4 72 00 00 00", "+33 04 72 00 00 00", "0033 (0)4 72 00 00 00"})
        void dropsTheTrunkZeroWrittenAfterTheCountryCode(String phone) {
            assertThat(MatchKeys.phone(phone)).isEqualTo("33472000000");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Jean.Dupont", "@example.fr", "jean@"})
        void givesNoKeyForAnEmailWithoutMailboxOrDomain(String email) {
            assertThat(MatchKeys.email(email)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"dupont.fr.", "https://jean@dupont.fr", "https://user:pw@www.dupont.fr:8443/x",
                "//www.dupont.fr/contact"})
        void takesTheHostWithoutUserOrFinalDot(String website) {
            assertThat(MatchKeys.domain(website)).isEqualTo("dupont.fr");
        }

        @Test
        void writesAnInternationalisedDomainInItsAsciiForm() {
            assertThat(MatchKeys.domain("https://www.café.fr/menu")).isEqualTo("xn--caf-dma.fr");
            assertThat(MatchKeys.domain("xn--caf-dma.fr")).isEqualTo("xn--caf-dma.fr");
        }
    }

    @Nested
    class NullInput {

        @ParameterizedTest
        @NullSource
        void givesNoKeyOfAnyType(String value) {
            assertThat(MatchKeys.email(value)).isNull();
            assertThat(MatchKeys.phone(value)).isNull();
            assertThat(MatchKeys.domain(value)).isNull();
        }
    }
}
