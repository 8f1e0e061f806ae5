package io.relais.duplicate;

import io.relais.account.AccountDetails;
import io.relais.account.AccountField;
import io.relais.account.Address;
import io.relais.account.ContactDetails;
import io.relais.account.DecisionRole;
import io.relais.account.FieldChanges;
import io.relais.common.FieldChange;
import io.relais.lead.LeadDetails;
import io.relais.lead.LeadField;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchProbeTest {

    /** Every field filled; identifiers written the way people type them. */
    private static final AccountDetails ACCOUNT = new AccountDetails("Boulangerie Dupont SARL", "Maison Dupont",
            new Address("12 rue de la République", "69002", "Lyon", "FR"),
            new Address("3 quai Saint-Antoine", "69002", "Lyon", "FR"), "04 72 00 00 00",
            "https://www.boulangerie-dupont.fr/contact", "732829320", "73282932000074", "10.71C", 12,
            new BigDecimal("850000"), "Entreprise familiale", "30 jours fin de mois", new BigDecimal("20000"),
            new BigDecimal("120000"), new BigDecimal("15"), new BigDecimal("30000"));

    /** Every field filled with another value than in {@link #ACCOUNT}, identifiers included once normalised. */
    private static final AccountDetails OTHER_ACCOUNT = new AccountDetails("Pâtisserie Lefèvre SAS", "Lefèvre",
            new Address("5 place Bellecour", "69002", "Lyon", "FR"),
            new Address("8 rue Mercière", "69002", "Lyon", "FR"), "+33 4 78 00 00 00",
            "https://patisserie-lefevre.fr", "552100554", "55210055400013", "10.71D", 30,
            new BigDecimal("2100000"), "Groupe", "45 jours", new BigDecimal("50000"), new BigDecimal("300000"),
            new BigDecimal("25"), new BigDecimal("80000"));

    private static final LeadDetails LEAD = new LeadDetails("Élodie", "Lefèvre", "Elodie.Lefevre+salon@Example.FR",
            "06 12 34 56 78", "Pâtisserie Lefèvre", "Gérante", "http://www.patisserie-lefevre.fr:8080/?src=salon",
            "69002", "Lyon", "FR", "Rencontrée au Sirha", "10.71D", "SMALL");

    private static final LeadDetails OTHER_LEAD = new LeadDetails("François", "Dupré", "francois.dupre@acme.fr",
            "+33 4 78 00 00 00", "Acme SARL", "Acheteur", "https://acme.fr", "75001", "Paris", "BE",
            "Appelé deux fois", "62.01Z", "LARGE");

    private static final LeadDetails EMPTY_LEAD =
            new LeadDetails(null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static final ContactDetails CONTACT = new ContactDetails("Jeanne", "Martin", "Acheteuse",
            List.of("Jeanne.Martin@Example.fr", "j.martin@boulangerie-dupont.fr"),
            List.of("06 12 34 56 78", "04 72 00 00 00"), "Salon Sirha 2024", DecisionRole.DECISION_MAKER,
            "Préfère l'e-mail");

    private static final ContactDetails OTHER_CONTACT = new ContactDetails("Hélène", "Moreau", "Comptable",
            List.of("helene.moreau@acme.fr"), List.of("+33 1 23 45 67 89"), "Recommandation", null, "Le matin");

    private static AccountDetails account(String legalName, String phone, String website, String siren,
                                          String siret) {
        return new AccountDetails(legalName, null, null, null, phone, website, siren, siret, null, null, null, null,
                null, null, null, null, null);
    }

    private static LeadDetails lead(String firstName, String lastName, String email, String phone, String company) {
        return new LeadDetails(firstName, lastName, email, phone, company, null, null, null, null, null, null, null,
                null);
    }

    private static ContactDetails contact(String firstName, String lastName, List<String> emails,
                                          List<String> phones) {
        return new ContactDetails(firstName, lastName, null, emails, phones, null, null, null);
    }

    private static MatchKey key(KeyType type, String value) {
        return new MatchKey(type, value);
    }

    @Nested
    class OfAccount {

        @Test
        void isMadeOfTheLegalNameAndTheNormalisedIdentifiers() {
            assertThat(MatchProbe.ofAccount("acc-1", ACCOUNT)).isEqualTo(new MatchProbe(RecordKind.ACCOUNT, "acc-1",
                    "Boulangerie Dupont SARL", null,
                    Set.of(key(KeyType.SIRET, "73282932000074"), key(KeyType.SIREN, "732829320"),
                            key(KeyType.PHONE, "33472000000"), key(KeyType.DOMAIN, "boulangerie-dupont.fr")),
                    "Boulangerie Dupont SARL"));
        }

        @Test
        void hasNoKeysWithTheLegalNameAlone() {
            MatchProbe probe = MatchProbe.ofAccount("acc-1", account("Boulangerie Dupont SARL", null, null, null, null));

            assertThat(probe.keys()).isEmpty();
            assertThat(probe.company()).isEqualTo("Boulangerie Dupont SARL");
            assertThat(probe.label()).isEqualTo("Boulangerie Dupont SARL");
        }

        @Test
        void matchesOnTheLegalNameNotTheTradeName() {
            MatchProbe probe = MatchProbe.ofAccount("acc-1", ACCOUNT);

            assertThat(probe.company()).isEqualTo("Boulangerie Dupont SARL");
            assertThat(probe.label()).isEqualTo("Boulangerie Dupont SARL");
        }

        @Test
        void hasNoPersonAndNoEmail() {
            MatchProbe probe = MatchProbe.ofAccount("acc-1", ACCOUNT);

            assertThat(probe.person()).isNull();
            assertThat(probe.keys()).extracting(MatchKey::type).doesNotContain(KeyType.EMAIL);
        }

        @Test
        void takesTheRegistrationNumbersAsTheyAre() {
            MatchProbe probe = MatchProbe.ofAccount("acc-1", account("Acme", null, null, "552100554", null));

            assertThat(probe.keys()).containsExactly(key(KeyType.SIREN, "552100554"));
        }

        @Test
        void takesASiretWithoutSiren() {
            MatchProbe probe = MatchProbe.ofAccount("acc-1", account("Acme", null, null, null, "55210055400013"));

            assertThat(probe.keys()).containsExactly(key(KeyType.SIRET, "55210055400013"));
        }

        @ParameterizedTest
        @CsvSource({
                "+33 4 72 00 00 00, 33472000000",
                "0033472000000,     33472000000",
                "04.72.00.00.00,    33472000000",
                "+44 20 7946 0958,  442079460958"})
        void normalisesThePhone(String phone, String key) {
            MatchProbe probe = MatchProbe.ofAccount("acc-1", account("Acme", phone, null, null, null));

            assertThat(probe.keys()).containsExactly(key(KeyType.PHONE, key));
        }

        @ParameterizedTest
        @CsvSource({
                "HTTPS://WWW.Acme.fr/Contact, acme.fr",
                "www.acme.fr,                 acme.fr",
                "https://lyon.acme.fr:8443,   lyon.acme.fr"})
        void normalisesTheWebsite(String website, String key) {
            MatchProbe probe = MatchProbe.ofAccount("acc-1", account("Acme", null, website, null, null));

            assertThat(probe.keys()).containsExactly(key(KeyType.DOMAIN, key));
        }

        @Test
        void leavesOutAPhoneOfTooFewDigitsAndAWebsiteWithoutHost() {
            MatchProbe probe = MatchProbe.ofAccount("acc-1", account("Acme", "3949", "https://", null, null));

            assertThat(probe.keys()).isEmpty();
        }

        @Test
        void acceptsNoIdForARecordNotCreatedYet() {
            MatchProbe probe = MatchProbe.ofAccount(null, ACCOUNT);

            assertThat(probe.recordId()).isNull();
            assertThat(probe.kind()).isEqualTo(RecordKind.ACCOUNT);
            assertThat(probe.keys()).hasSize(4);
        }
    }

    @Nested
    class OfLead {

        @Test
        void isMadeOfTheCompanyThePersonAndTheNormalisedIdentifiers() {
            assertThat(MatchProbe.ofLead("lead-1", LEAD)).isEqualTo(new MatchProbe(RecordKind.LEAD, "lead-1",
                    "Pâtisserie Lefèvre", "Élodie Lefèvre",
                    Set.of(key(KeyType.EMAIL, "elodielefevre@example.fr"), key(KeyType.PHONE, "33612345678"),
                            key(KeyType.DOMAIN, "patisserie-lefevre.fr")),
                    "Élodie Lefèvre, Pâtisserie Lefèvre"));
        }

        @ParameterizedTest(name = "{0} {1} / {2} -> {3}")
        @CsvSource({
                "Élodie,  Lefèvre,  Élodie Lefèvre",
                "Élodie,  ,         Élodie",
                ",        Lefèvre,  Lefèvre",
                "Jean-Marc, de La Fontaine, Jean-Marc de La Fontaine"})
        void joinsTheNamesThatAreThere(String firstName, String lastName, String person) {
            assertThat(MatchProbe.ofLead("lead-1", lead(firstName, lastName, null, null, "Acme")).person())
                    .isEqualTo(person);
        }

        @Test
        void hasNoPersonWithoutAName() {
            assertThat(MatchProbe.ofLead("lead-1", lead(null, null, "contact@acme.fr", null, "Acme")).person())
                    .isNull();
        }

        @ParameterizedTest(name = "[{0}] [{1}] [{2}] [{3}] [{4}] -> {5}")
        @CsvSource({
                "Élodie, Lefèvre, Pâtisserie Lefèvre, elodie@example.fr, 06 12 34 56 78, 'Élodie Lefèvre, Pâtisserie Lefèvre'",
                "Élodie, ,        Pâtisserie Lefèvre, ,                  ,               'Élodie, Pâtisserie Lefèvre'",
                ",       Lefèvre, Pâtisserie Lefèvre, ,                  ,               'Lefèvre, Pâtisserie Lefèvre'",
                "Élodie, Lefèvre, ,                   elodie@example.fr, 06 12 34 56 78, Élodie Lefèvre",
                "Élodie, ,        ,                   elodie@example.fr, ,               Élodie",
                ",       ,        Pâtisserie Lefèvre, elodie@example.fr, 06 12 34 56 78, Pâtisserie Lefèvre",
                ",       ,        ,                   Elodie.Lefevre+salon@Example.FR, 06 12 34 56 78, Elodie.Lefevre+salon@Example.FR",
                ",       ,        ,                   ,                  06 12 34 56 78, 06 12 34 56 78"})
        void isLabelledByPersonAndCompanyElseByTheEmailAsTypedElseByThePhone(String firstName, String lastName,
                                                                              String company, String email,
                                                                              String phone, String label) {
            assertThat(MatchProbe.ofLead("lead-1", lead(firstName, lastName, email, phone, company)).label())
                    .isEqualTo(label);
        }

        @Test
        void hasNoLabelWhenThereIsNothingToShow() {
            assertThat(MatchProbe.ofLead("lead-1", EMPTY_LEAD).label()).isNull();
        }

        @Test
        void hasNoKeysWithANameAndCompanyAlone() {
            MatchProbe probe = MatchProbe.ofLead("lead-1", lead("Élodie", "Lefèvre", null, null, "Pâtisserie Lefèvre"));

            assertThat(probe.keys()).isEmpty();
            assertThat(probe.company()).isEqualTo("Pâtisserie Lefèvre");
        }

        @Test
        void hasNoRegistrationNumberKeys() {
            assertThat(MatchProbe.ofLead("lead-1", LEAD).keys()).extracting(MatchKey::type)
                    .doesNotContain(KeyType.SIRET, KeyType.SIREN);
        }

        @Test
        void leavesOutAPhoneOfTooFewDigits() {
            MatchProbe probe = MatchProbe.ofLead("lead-1", lead("Élodie", null, "elodie@example.fr", "12 34", null));

            assertThat(probe.keys()).containsExactly(key(KeyType.EMAIL, "elodie@example.fr"));
        }

        @Test
        void hasEmptyDetailsMatchOnNothing() {
            assertThat(MatchProbe.ofLead(null, EMPTY_LEAD))
                    .isEqualTo(new MatchProbe(RecordKind.LEAD, null, null, null, Set.of(), null));
        }
    }

    @Nested
    class OfContact {

        @Test
        void isMadeOfThePersonAndEveryNormalisedEmailAndPhone() {
            assertThat(MatchProbe.ofContact("ct-1", CONTACT)).isEqualTo(new MatchProbe(RecordKind.CONTACT, "ct-1",
                    null, "Jeanne Martin",
                    Set.of(key(KeyType.EMAIL, "jeannemartin@example.fr"),
                            key(KeyType.EMAIL, "jmartin@boulangerie-dupont.fr"),
                            key(KeyType.PHONE, "33612345678"), key(KeyType.PHONE, "33472000000")),
                    "Jeanne Martin"));
        }

        @Test
        void keepsOneKeyForVariantsOfTheSameEmailOrPhone() {
            MatchProbe probe = MatchProbe.ofContact("ct-1", contact("Jeanne", "Martin",
                    List.of("jeanne.martin@example.fr", "Jeanne.Martin+crm@Example.FR", "jeannemartin@example.fr"),
                    List.of("06 12 34 56 78", "+33 6 12 34 56 78", "0033612345678")));

            assertThat(probe.keys()).containsExactlyInAnyOrder(key(KeyType.EMAIL, "jeannemartin@example.fr"),
                    key(KeyType.PHONE, "33612345678"));
        }

        @Test
        void leavesOutBlankEmailsAndShortPhones() {
            MatchProbe probe = MatchProbe.ofContact("ct-1", contact("Jeanne", "Martin",
                    List.of(" ", "jeanne@example.fr"), List.of("3949", "04 72 00 00 00")));

            assertThat(probe.keys()).containsExactlyInAnyOrder(key(KeyType.EMAIL, "jeanne@example.fr"),
                    key(KeyType.PHONE, "33472000000"));
        }

        @Test
        void hasNoKeysWithoutEmailsOrPhones() {
            assertThat(MatchProbe.ofContact("ct-1", contact("Jeanne", "Martin", null, null)).keys()).isEmpty();
        }

        @Test
        void hasNoCompanyAndNoWebsiteOrRegistrationKeys() {
            MatchProbe probe = MatchProbe.ofContact("ct-1", CONTACT);

            assertThat(probe.company()).isNull();
            assertThat(probe.keys()).extracting(MatchKey::type).containsOnly(KeyType.EMAIL, KeyType.PHONE);
        }

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource({
                "Jeanne, Martin, Jeanne Martin",
                "Jeanne, ,       Jeanne",
                ",       Martin, Martin",
                "Anne-Sophie, Le Bihan, Anne-Sophie Le Bihan"})
        void isLabelledByThePerson(String firstName, String lastName, String person) {
            MatchProbe probe = MatchProbe.ofContact("ct-1", contact(firstName, lastName, null, null));

            assertThat(probe.person()).isEqualTo(person);
            assertThat(probe.label()).isEqualTo(person);
        }

        @Test
        void hasNoPersonOrLabelWithoutAName() {
            MatchProbe probe = MatchProbe.ofContact("ct-1", contact(null, null, List.of("jeanne@example.fr"), null));

            assertThat(probe.person()).isNull();
            assertThat(probe.label()).isNull();
        }
    }

    @Nested
    class Construction {

        @Test
        void turnsNullKeysIntoNone() {
            assertThat(new MatchProbe(RecordKind.LEAD, "lead-1", null, "Jeanne", null, "Jeanne").keys())
                    .isNotNull().isEmpty();
        }

        @Test
        void copiesTheKeys() {
            Set<MatchKey> keys = new LinkedHashSet<>(Set.of(key(KeyType.EMAIL, "jeanne@example.fr")));
            MatchProbe probe = new MatchProbe(RecordKind.LEAD, "lead-1", null, null, keys, null);

            keys.add(key(KeyType.PHONE, "33472000000"));

            assertThat(probe.keys()).containsExactly(key(KeyType.EMAIL, "jeanne@example.fr"));
        }

        @Test
        void keepsTheKeysUnmodifiable() {
            MatchProbe probe = MatchProbe.ofAccount("acc-1", ACCOUNT);

            assertThatThrownBy(() -> probe.keys().add(key(KeyType.EMAIL, "jeanne@example.fr")))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class FieldSets {

        @Test
        void ofAnAccountAreTheLegalNameAndTheIdentifiers() {
            assertThat(MatchProbe.ACCOUNT_FIELDS)
                    .containsExactlyInAnyOrder("legalName", "phone", "website", "siret", "siren");
        }

        @Test
        void ofALeadAreTheNamesTheCompanyAndTheIdentifiers() {
            assertThat(MatchProbe.LEAD_FIELDS)
                    .containsExactlyInAnyOrder("firstName", "lastName", "email", "phone", "company", "website");
        }

        @Test
        void ofAContactAreTheNamesAndTheIdentifiers() {
            assertThat(MatchProbe.CONTACT_FIELDS)
                    .containsExactlyInAnyOrder("firstName", "lastName", "emails", "phones");
        }

        @ParameterizedTest
        @EnumSource(AccountField.class)
        void ofAnAccountAreExactlyThoseWhoseChangeChangesTheProbe(AccountField field) {
            assertThat(OTHER_ACCOUNT).isNotEqualTo(ACCOUNT);
            AccountDetails changed = field.copy(OTHER_ACCOUNT, ACCOUNT);
            assertThat(FieldChanges.ofAccount(ACCOUNT, changed)).extracting(FieldChange::field)
                    .containsExactly(field.fieldName());

            boolean probeChanged = !MatchProbe.ofAccount("acc-1", changed).equals(MatchProbe.ofAccount("acc-1", ACCOUNT));

            assertThat(probeChanged).as(field.fieldName())
                    .isEqualTo(MatchProbe.ACCOUNT_FIELDS.contains(field.fieldName()));
        }

        @ParameterizedTest
        @EnumSource(LeadField.class)
        void ofALeadAreExactlyThoseWhoseChangeChangesTheProbe(LeadField field) {
            LeadDetails changed = field.set(LEAD, field.valueIn(OTHER_LEAD));
            assertThat(changed).isNotEqualTo(LEAD);

            boolean probeChanged = !MatchProbe.ofLead("lead-1", changed).equals(MatchProbe.ofLead("lead-1", LEAD));

            assertThat(probeChanged).as(field.fieldName()).isEqualTo(MatchProbe.LEAD_FIELDS.contains(field.fieldName()));
        }

        @ParameterizedTest
        @MethodSource("io.relais.duplicate.MatchProbeTest#contactChanges")
        void ofAContactAreExactlyThoseWhoseChangeChangesTheProbe(String fieldName, UnaryOperator<ContactDetails> change) {
            ContactDetails changed = change.apply(CONTACT);
            assertThat(FieldChanges.ofContact(CONTACT, changed)).extracting(FieldChange::field)
                    .containsExactly(fieldName);

            boolean probeChanged = !MatchProbe.ofContact("ct-1", changed).equals(MatchProbe.ofContact("ct-1", CONTACT));

            assertThat(probeChanged).as(fieldName).isEqualTo(MatchProbe.CONTACT_FIELDS.contains(fieldName));
        }

        @Test
        void ofAContactAreNamesThatContactChangesUse() {
            assertThat(FieldChanges.ofContact(null, CONTACT)).extracting(FieldChange::field)
                    .containsAll(MatchProbe.CONTACT_FIELDS);
        }

        @Test
        void coverEveryContactFieldInTheChangeTests() {
            assertThat(contactChanges().map(arguments -> (String) arguments[0]).toList())
                    .containsExactlyInAnyOrderElementsOf(FieldChanges.ofContact(null, CONTACT).stream()
                            .map(FieldChange::field).toList());
        }
    }

    /** For each contact field by its change name, how to give {@link #CONTACT} {@link #OTHER_CONTACT}'s value. */
    static Stream<Object[]> contactChanges() {
        ContactDetails o = OTHER_CONTACT;
        Map<String, UnaryOperator<ContactDetails>> changes = Map.of(
                "firstName", d -> new ContactDetails(o.firstName(), d.lastName(), d.jobTitle(), d.emails(), d.phones(),
                        d.relationshipOrigin(), d.decisionRole(), d.notes()),
                "lastName", d -> new ContactDetails(d.firstName(), o.lastName(), d.jobTitle(), d.emails(), d.phones(),
                        d.relationshipOrigin(), d.decisionRole(), d.notes()),
                "jobTitle", d -> new ContactDetails(d.firstName(), d.lastName(), o.jobTitle(), d.emails(), d.phones(),
                        d.relationshipOrigin(), d.decisionRole(), d.notes()),
                "emails", d -> new ContactDetails(d.firstName(), d.lastName(), d.jobTitle(), o.emails(), d.phones(),
                        d.relationshipOrigin(), d.decisionRole(), d.notes()),
                "phones", d -> new ContactDetails(d.firstName(), d.lastName(), d.jobTitle(), d.emails(), o.phones(),
                        d.relationshipOrigin(), d.decisionRole(), d.notes()),
                "relationshipOrigin", d -> new ContactDetails(d.firstName(), d.lastName(), d.jobTitle(), d.emails(),
                        d.phones(), o.relationshipOrigin(), d.decisionRole(), d.notes()),
                "decisionRole", d -> new ContactDetails(d.firstName(), d.lastName(), d.jobTitle(), d.emails(),
                        d.phones(), d.relationshipOrigin(), o.decisionRole(), d.notes()),
                "notes", d -> new ContactDetails(d.firstName(), d.lastName(), d.jobTitle(), d.emails(), d.phones(),
                        d.relationshipOrigin(), d.decisionRole(), o.notes()));
        return changes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new Object[] {entry.getKey(), entry.getValue()});
    }
}
