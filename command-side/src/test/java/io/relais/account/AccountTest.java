package io.relais.account;

import io.relais.common.ExpectedVersions;
import io.relais.common.FieldChange;
import io.relais.common.IncompleteRecordException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import static io.relais.account.AccountFixtures.ACCOUNT_ID;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.account.AccountFixtures.BILLING;
import static io.relais.account.AccountFixtures.BILLING_TEXT;
import static io.relais.account.AccountFixtures.C1;
import static io.relais.account.AccountFixtures.C2;
import static io.relais.account.AccountFixtures.COMPLETE;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.account.AccountFixtures.EMAIL;
import static io.relais.account.AccountFixtures.ERP_ID;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.account.AccountFixtures.JEANNE;
import static io.relais.account.AccountFixtures.LEAD;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.account.AccountFixtures.NAMED;
import static io.relais.account.AccountFixtures.OTHER_LEAD;
import static io.relais.organisation.TestOrganisation.OTHER_MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.account.AccountFixtures.OTHER_SIREN;
import static io.relais.account.AccountFixtures.OTHER_SIRET;
import static io.relais.account.AccountFixtures.OWNER;
import static io.relais.account.AccountFixtures.PAUL;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.account.AccountFixtures.PHONE;
import static io.relais.account.AccountFixtures.REP_1;
import static io.relais.account.AccountFixtures.SIREN;
import static io.relais.account.AccountFixtures.SIRET;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static io.relais.account.AccountFixtures.accountFixture;
import static io.relais.common.CommandFixtures.as;
import static io.relais.account.AccountFixtures.conflict;
import static io.relais.account.AccountFixtures.created;
import static io.relais.account.AccountFixtures.customer;
import static io.relais.account.AccountFixtures.details;
import static io.relais.account.AccountFixtures.forbidden;
import static io.relais.account.AccountFixtures.invalidField;
import static io.relais.account.AccountFixtures.invalidTransition;
import static io.relais.account.AccountFixtures.linkedCustomer;
import static io.relais.account.AccountFixtures.notFound;
import static io.relais.account.AccountFixtures.with;
import static io.relais.account.AccountFixtures.withContacts;
import static io.relais.common.RefusalMatchers.staleVersion;

/**
 * Fixture tests of the account aggregate, over the organisation of {@link AccountFixtures} (who is who is charted
 * there). Unless a test names the actor, commands are sent by OWNER, the sales rep who owns the account of most
 * histories here.
 */
class AccountTest {

    /**
     * The ERP synchronisation, acting as the system ({@link AccountFixtures#SYSTEM} is the record transfer process).
     */
    private static final String SYSTEM = "system:erp-sync";

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture();
    }

    // ---------------------------------------------------------------------------------------------------------
    // CreateAccount
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Create {

        @Test
        void recordsAProspectWithItsLegalNameAlone() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountCreated(ACCOUNT_ID, NAMED, OWNER));
        }

        @Test
        void answersWithTheAccountIdentifier() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, null))
                    .expectResultMessagePayload(ACCOUNT_ID);
        }

        @Test
        void recordsEveryDetail() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, COMPLETE, OWNER))
                    .expectEvents(new AccountCreated(ACCOUNT_ID, COMPLETE, OWNER));
        }

        @Test
        void validatesAndNormalisesTheDetails() {
            AccountDetails input = details().legalName("  Acme SARL ").tradeName(" ")
                    .billingAddress(new Address(" 1 rue X", "69002 ", "Lyon", "fr"))
                    .deliveryAddress(new Address(" ", null, "", null)).siret("732 829 320 00074").nafCode("6201z")
                    .creditLimit("50000.00").ourShare("12.50").build();
            AccountDetails normalised = details().legalName("Acme SARL").billingAddress(BILLING).siren(SIREN)
                    .siret(SIRET).nafCode("62.01Z").creditLimit("50000").ourShare("12.5").build();

            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, input, null))
                    .expectEvents(new AccountCreated(ACCOUNT_ID, normalised, OWNER));
        }

        @Test
        void acceptsTheActorAsOwner() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, OWNER))
                    .expectEvents(new AccountCreated(ACCOUNT_ID, NAMED, OWNER));
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.account.AccountTest#ownersInReach")
        void acceptsAnOwnerInTheActorsReach(String actor, String owner) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, owner), as(actor))
                    .expectEvents(new AccountCreated(ACCOUNT_ID, NAMED, owner));
        }

        @Test
        void trimsTheOwnerId() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, "  rep-1 "), as(MANAGER))
                    .expectEvents(new AccountCreated(ACCOUNT_ID, NAMED, REP_1));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void givesASalesUsersAccountWithoutAnOwnerToThem(String ownerId) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, ownerId), as(MANAGER))
                    .expectEvents(new AccountCreated(ACCOUNT_ID, NAMED, MANAGER));
        }

        @Test
        void leavesAnAdministratorsAccountWithoutAnOwnerUnassigned() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, null), as(ADMIN))
                    .expectEvents(new AccountCreated(ACCOUNT_ID, NAMED, null));
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.account.AccountTest#ownersOutOfReach")
        void refusesAnOwnerOutOfTheActorsReach(String actor, String owner) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, owner), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN, FORMER})
        void refusesAnOwnerWhoIsNotAnActiveUser(String owner) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, owner), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "unknown-owner"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAnOwnerWhoseProfileCannotOwnRecords(String owner) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, owner), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "owner-cannot-own-records"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Rep-1", "rep 1", "r", "rép", "system:rep"})
        void refusesAnOwnerIdThatIsNotAUserId(String owner) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, owner), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "invalid-user-id"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD, UNKNOWN, FORMER})
        void refusesAnActorWhoMayNotCreateRecords(String actor) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAReadOnlyActorEvenWithAnOwner(String actor) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, OWNER), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void letsTheSystemCreateForAnyone() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, NAMED, OTHER_REP), as(SYSTEM))
                    .expectEvents(new AccountCreated(ACCOUNT_ID, NAMED, OTHER_REP));
        }

        @ParameterizedTest
        @ValueSource(strings = {"account/7", "account 7", " account-7", "account-7 ", "compte-é"})
        void refusesAnInvalidAccountId(String accountId) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(accountId, NAMED, null))
                    .expectNoEvents()
                    .expectException(invalidField("accountId", "invalid-identifier"));
        }

        @Test
        void refusesMissingDetails() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("legalName", "required"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesDetailsWithoutALegalName(String legalName) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, details().from(COMPLETE).legalName(legalName).build(), null))
                    .expectNoEvents()
                    .expectException(invalidField("legalName", "required"));
        }

        @Test
        void refusesASiretOfAnotherCompany() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, details().from(COMPLETE).siret(OTHER_SIRET).build(), null))
                    .expectNoEvents()
                    .expectException(invalidField("siret", "siret-siren-mismatch"));
        }

        @Test
        void refusesAnInvalidAddressNamingItsPart() {
            AccountDetails details = details().from(NAMED)
                    .deliveryAddress(new Address("2 quai Y", "69007", "Lyon", "XX")).build();

            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ACCOUNT_ID, details, null))
                    .expectNoEvents()
                    .expectException(invalidField("deliveryAddress.country", "invalid-country"));
        }
    }

    static Stream<Arguments> ownersInReach() {
        return Stream.of(Arguments.of(MANAGER, REP_1), Arguments.of(MANAGER, MANAGER), Arguments.of(DIRECTOR, OWNER),
                Arguments.of(DIRECTOR, OTHER_REP), Arguments.of(ADMIN, OTHER_REP), Arguments.of(ADMIN, ADMIN));
    }

    static Stream<Arguments> ownersOutOfReach() {
        return Stream.of(Arguments.of(OWNER, PEER), Arguments.of(OWNER, MANAGER), Arguments.of(MANAGER, OTHER_REP),
                Arguments.of(MANAGER, DIRECTOR), Arguments.of(OTHER_MANAGER, OWNER));
    }

    // ---------------------------------------------------------------------------------------------------------
    // UpdateAccountDetails
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class UpdateDetails {

        @Test
        void changesOnlyTheListedFields() {
            AccountDetails changes = details().legalName("Other SARL").tradeName("Acme Lyon")
                    .phone("04 78 00 00 00").website("acme.example.fr").siret(OTHER_SIRET).build();
            AccountDetails expected = details().from(COMPLETE).tradeName("Acme Lyon").website("acme.example.fr")
                    .build();

            fixture.given(created(COMPLETE))
                    .when(update(changes, AccountField.TRADE_NAME, AccountField.WEBSITE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("tradeName", "Acme", "Acme Lyon"),
                            new FieldChange("website", null, "acme.example.fr"))))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void listsChangesInFieldOrderWhateverTheOrderOfTheRequest() {
            AccountDetails changes = details().tradeName("Acme Lyon").headcount(130).ourShare("12.50").build();
            AccountDetails expected = details().from(COMPLETE).tradeName("Acme Lyon").headcount(130)
                    .ourShare("12.5").build();

            fixture.given(created(COMPLETE))
                    .when(update(changes, AccountField.OUR_SHARE, AccountField.HEADCOUNT, AccountField.TRADE_NAME))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("tradeName", "Acme", "Acme Lyon"),
                            new FieldChange("headcount", "120", "130"),
                            new FieldChange("ourShare", null, "12.5"))));
        }

        @Test
        void clearsFieldsGivenNull() {
            AccountDetails expected = details().from(COMPLETE).tradeName(null).phone(null).headcount(null).build();

            fixture.given(created(COMPLETE))
                    .when(update(details().build(), AccountField.PHONE, AccountField.TRADE_NAME,
                            AccountField.HEADCOUNT))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("tradeName", "Acme", null),
                            new FieldChange("phone", "+33 4 72 00 00 00", null),
                            new FieldChange("headcount", "120", null))));
        }

        @Test
        void clearsAFieldGivenBlank() {
            AccountDetails expected = details().from(COMPLETE).tradeName(null).build();

            fixture.given(created(COMPLETE))
                    .when(update(details().tradeName("   ").build(), AccountField.TRADE_NAME))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("tradeName", "Acme", null))));
        }

        @Test
        void clearsAnAddressGivenOnlyBlankParts() {
            AccountDetails expected = details().from(COMPLETE).billingAddress(null).build();

            fixture.given(created(COMPLETE))
                    .when(update(details().billingAddress(new Address(" ", "", null, "\t")).build(),
                            AccountField.BILLING_ADDRESS))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("billingAddress", BILLING_TEXT, null))));
        }

        @Test
        void showsAnAddressAsOneLineOfText() {
            AccountDetails expected = details().from(NAMED).billingAddress(BILLING).build();

            fixture.given(created(NAMED))
                    .when(update(details().billingAddress(new Address(" 1 rue X ", "69002", "Lyon", "fr")).build(),
                            AccountField.BILLING_ADDRESS))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("billingAddress", null, "1 rue X, 69002 Lyon, FR"))));
        }

        @Test
        void showsTheOldAndNewAddressesOfAReplacement() {
            Address moved = new Address("5 place Bellecour", "69002", "Lyon", "FR");
            AccountDetails expected = details().from(COMPLETE).billingAddress(moved).build();

            fixture.given(created(COMPLETE))
                    .when(update(details().billingAddress(moved).build(), AccountField.BILLING_ADDRESS))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(new FieldChange(
                            "billingAddress", BILLING_TEXT, "5 place Bellecour, 69002 Lyon, FR"))));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("io.relais.account.AccountTest#partialAddresses")
        void showsAPartialAddressWithTheLinesItHas(Address address, String text) {
            AccountDetails expected = details().from(NAMED).deliveryAddress(address).build();

            fixture.given(created(NAMED))
                    .when(update(details().deliveryAddress(address).build(), AccountField.DELIVERY_ADDRESS))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("deliveryAddress", null, text))));
        }

        @Test
        void showsAmountsAsPlainNormalisedNumbers() {
            AccountDetails changes = details().annualRevenue("2000000.00").creditLimit(new BigDecimal("1.5E+5"))
                    .businessTarget("40000.50").build();
            AccountDetails expected = details().from(COMPLETE).annualRevenue("2000000").creditLimit("150000")
                    .businessTarget("40000.5").build();

            fixture.given(created(COMPLETE))
                    .when(update(changes, AccountField.ANNUAL_REVENUE, AccountField.CREDIT_LIMIT,
                            AccountField.BUSINESS_TARGET))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("annualRevenue", null, "2000000"),
                            new FieldChange("creditLimit", "50000", "150000"),
                            new FieldChange("businessTarget", null, "40000.5"))));
        }

        @Test
        void showsAStoredAmountWrittenWithAnExponentAsAPlainNumber() {
            AccountDetails stored = details().from(COMPLETE).creditLimit(new BigDecimal("5E+4")).build();
            AccountDetails expected = details().from(COMPLETE).creditLimit("60000").build();

            fixture.given(created(stored))
                    .when(update(details().creditLimit("60000.00").build(), AccountField.CREDIT_LIMIT))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("creditLimit", "50000", "60000"))));
        }

        @Test
        void emitsNothingAndAnswersTheCurrentVersionWhenNothingChanges() {
            fixture.given(created(COMPLETE), new AccountOwnerAssigned(ACCOUNT_ID, OWNER, null))
                    .when(update(COMPLETE, AccountField.TRADE_NAME, AccountField.HEADCOUNT, AccountField.SIRET))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingWhenTheOnlyDifferenceIsWhitespaceOrScale() {
            AccountDetails same = details().tradeName("  Acme ").creditLimit("50000.00").nafCode("6201Z")
                    .billingAddress(new Address("1 rue X ", " 69002", "Lyon", "fr")).build();

            fixture.given(created(COMPLETE))
                    .when(update(same, AccountField.TRADE_NAME, AccountField.CREDIT_LIMIT, AccountField.NAF_CODE,
                            AccountField.BILLING_ADDRESS))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void emitsNothingWhenClearingAnEmptyField() {
            fixture.given(created(COMPLETE))
                    .when(update(details().build(), AccountField.WEBSITE, AccountField.OUR_SHARE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void buildsOnEarlierUpdates() {
            AccountDetails afterFirst = details().from(COMPLETE).tradeName("Acme Lyon").build();
            AccountDetails afterSecond = details().from(afterFirst).website("acme.example.fr").build();

            fixture.given(created(COMPLETE), new AccountDetailsUpdated(ACCOUNT_ID, afterFirst,
                            List.of(new FieldChange("tradeName", "Acme", "Acme Lyon"))))
                    .when(update(details().website("acme.example.fr").build(), AccountField.WEBSITE))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, afterSecond,
                            List.of(new FieldChange("website", null, "acme.example.fr"))))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void derivesTheSirenWhenTheSiretIsSet() {
            AccountDetails expected = details().from(NAMED).siren(SIREN).siret(SIRET).build();

            fixture.given(created(NAMED))
                    .when(update(details().siret("732 829 320 00074").build(), AccountField.SIRET))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("siren", null, SIREN),
                            new FieldChange("siret", null, SIRET))));
        }

        @Test
        void changesSirenAndSiretTogether() {
            AccountDetails expected = details().from(COMPLETE).siren(OTHER_SIREN).siret(OTHER_SIRET).build();

            fixture.given(created(COMPLETE))
                    .when(update(details().siren(OTHER_SIREN).siret(OTHER_SIRET).build(), AccountField.SIRET,
                            AccountField.SIREN))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("siren", SIREN, OTHER_SIREN),
                            new FieldChange("siret", SIRET, OTHER_SIRET))));
        }

        @Test
        void refusesASiretThatDoesNotMatchTheStoredSiren() {
            fixture.given(created(COMPLETE))
                    .when(update(details().siret(OTHER_SIRET).build(), AccountField.SIRET))
                    .expectNoEvents()
                    .expectException(invalidField("siret", "siret-siren-mismatch"));
        }

        @Test
        void refusesClearingTheLegalName() {
            fixture.given(created(COMPLETE))
                    .when(update(details().legalName(" ").build(), AccountField.LEGAL_NAME))
                    .expectNoEvents()
                    .expectException(invalidField("legalName", "required"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("io.relais.account.AccountTest#invalidChanges")
        void refusesAnInvalidValue(String field, String code, AccountField changed, AccountDetails changes) {
            fixture.given(created(COMPLETE))
                    .when(update(changes, changed))
                    .expectNoEvents()
                    .expectException(invalidField(field, code));
        }

        @Test
        void refusesAnEmptyFieldSet() {
            fixture.given(created(COMPLETE))
                    .when(new UpdateAccountDetails(ACCOUNT_ID, COMPLETE, Set.of(), null))
                    .expectNoEvents()
                    .expectException(invalidField("changes", "no-changes"));
        }

        @Test
        void refusesMissingFields() {
            fixture.given(created(COMPLETE))
                    .when(new UpdateAccountDetails(ACCOUNT_ID, COMPLETE, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("changes", "no-changes"));
        }

        @Test
        void refusesMissingChanges() {
            fixture.given(created(COMPLETE))
                    .when(new UpdateAccountDetails(ACCOUNT_ID, null, Set.of(AccountField.TRADE_NAME), null))
                    .expectNoEvents()
                    .expectException(invalidField("changes", "no-changes"));
        }

        @ParameterizedTest
        @ValueSource(strings = {MANAGER, DIRECTOR, ADMIN, SYSTEM})
        void isAllowedToWhoeverMayChangeTheOwnersRecords(String actor) {
            AccountDetails expected = details().from(COMPLETE).tradeName("Acme Lyon").build();

            fixture.given(created(COMPLETE))
                    .when(update(details().tradeName("Acme Lyon").build(), AccountField.TRADE_NAME), as(actor))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("tradeName", "Acme", "Acme Lyon"))));
        }

        @Test
        void letsTheRepChangeEverythingOfAProspect() {
            AccountDetails changes = details().legalName("Acme Lyon SARL").paymentTerms("45 days").build();
            AccountDetails expected = details().from(COMPLETE).legalName("Acme Lyon SARL").paymentTerms("45 days")
                    .build();

            fixture.given(created(COMPLETE))
                    .when(update(changes, AccountField.LEGAL_NAME, AccountField.PAYMENT_TERMS))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("legalName", "Acme SARL", "Acme Lyon SARL"),
                            new FieldChange("paymentTerms", "30 days net", "45 days"))));
        }

        @Test
        void refusesAnUnassignedAccountToASalesManagerAsNotFound() {
            fixture.given(new AccountCreated(ACCOUNT_ID, COMPLETE, null))
                    .when(update(details().tradeName("Acme Lyon").build(), AccountField.TRADE_NAME), as(MANAGER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void letsAnAdministratorChangeAnUnassignedAccount() {
            AccountDetails expected = details().from(COMPLETE).tradeName("Acme Lyon").build();

            fixture.given(new AccountCreated(ACCOUNT_ID, COMPLETE, null))
                    .when(update(details().tradeName("Acme Lyon").build(), AccountField.TRADE_NAME), as(ADMIN))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("tradeName", "Acme", "Acme Lyon"))));
        }
        @Test
        void acceptsUpdatesOfOtherFieldsWhenAStoredValueFailsTodaysRules() {
            AccountDetails legacy = details().from(NAMED).website("intranet").build();
            AccountDetails expected = details().from(legacy).tradeName("Acme").build();

            fixture.given(created(legacy))
                    .when(update(details().tradeName("Acme").build(), AccountField.TRADE_NAME))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("tradeName", null, "Acme"))));
        }
    }

    static Stream<Arguments> partialAddresses() {
        return Stream.of(
                Arguments.of(new Address(null, null, "Lyon", "FR"), "Lyon, FR"),
                Arguments.of(new Address(null, "69007", null, null), "69007"),
                Arguments.of(new Address("2 quai Y", null, null, "FR"), "2 quai Y, FR"),
                Arguments.of(new Address("2 quai Y", "69007", null, null), "2 quai Y, 69007"));
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                Arguments.of("ourShare", "out-of-range", AccountField.OUR_SHARE, details().ourShare("150").build()),
                Arguments.of("creditLimit", "invalid-amount", AccountField.CREDIT_LIMIT,
                        details().creditLimit("-5").build()),
                Arguments.of("purchaseVolume", "invalid-amount", AccountField.PURCHASE_VOLUME,
                        details().purchaseVolume("10.001").build()),
                Arguments.of("headcount", "out-of-range", AccountField.HEADCOUNT, details().headcount(-1).build()),
                Arguments.of("billingAddress.country", "invalid-country", AccountField.BILLING_ADDRESS,
                        details().billingAddress(new Address("1 rue X", "69002", "Lyon", "XX")).build()),
                Arguments.of("nafCode", "invalid-naf-code", AccountField.NAF_CODE, details().nafCode("62").build()),
                Arguments.of("siret", "invalid-siret", AccountField.SIRET, details().siret("73282932000075").build()),
                Arguments.of("website", "invalid-website", AccountField.WEBSITE, details().website("a b").build()),
                Arguments.of("tradeName", "too-long", AccountField.TRADE_NAME,
                        details().tradeName("a".repeat(201)).build()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // ERP-mastered fields
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class ErpRules {

        @ParameterizedTest
        @EnumSource(value = AccountField.class, names = {"LEGAL_NAME", "BILLING_ADDRESS", "SIREN", "SIRET",
                "NAF_CODE", "PAYMENT_TERMS", "CREDIT_LIMIT"})
        void refusesARepChangingAnErpFieldOfALinkedAccount(AccountField field) {
            fixture.given(linkedCustomer())
                    .when(update(OTHER_ERP_VALUES, field))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesARepChangingErpAndOtherFieldsTogether() {
            fixture.given(linkedCustomer())
                    .when(update(details().tradeName("Acme Lyon").paymentTerms("45 days").build(),
                            AccountField.TRADE_NAME, AccountField.PAYMENT_TERMS))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {MANAGER, ADMIN})
        void refusesEvenManagersAndAdministratorsChangingAnErpField(String actor) {
            fixture.given(linkedCustomer())
                    .when(update(details().legalName("Acme Lyon SARL").build(), AccountField.LEGAL_NAME), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesARepWhoWouldNotChangeTheErpFieldItNames() {
            fixture.given(linkedCustomer())
                    .when(update(COMPLETE, AccountField.LEGAL_NAME))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, ADMIN})
        void letsWhoeverMayChangeTheAccountChangeOtherFields(String actor) {
            AccountDetails expected = details().from(COMPLETE).tradeName("Acme Lyon").ourShare("20").build();

            fixture.given(linkedCustomer())
                    .when(update(details().tradeName("Acme Lyon").ourShare("20").build(), AccountField.TRADE_NAME,
                            AccountField.OUR_SHARE), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("tradeName", "Acme", "Acme Lyon"),
                            new FieldChange("ourShare", null, "20"))))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void letsADataStewardChangeErpFields() {
            AccountDetails expected = details().from(COMPLETE).legalName("Acme Lyon SARL")
                    .paymentTerms("45 days end of month").creditLimit("75000").build();

            fixture.given(linkedCustomer())
                    .when(update(OTHER_ERP_VALUES, AccountField.CREDIT_LIMIT, AccountField.PAYMENT_TERMS,
                            AccountField.LEGAL_NAME), as(STEWARD))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("legalName", "Acme SARL", "Acme Lyon SARL"),
                            new FieldChange("paymentTerms", "30 days net", "45 days end of month"),
                            new FieldChange("creditLimit", "50000", "75000"))))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void letsADataStewardChangeTheRegistrationNumbersAndAddress() {
            AccountDetails expected = details().from(COMPLETE).siren(OTHER_SIREN).siret(OTHER_SIRET)
                    .billingAddress(OTHER_ERP_VALUES.billingAddress()).nafCode("46.51Z").build();

            fixture.given(linkedCustomer())
                    .when(update(OTHER_ERP_VALUES, AccountField.SIREN, AccountField.SIRET,
                            AccountField.BILLING_ADDRESS, AccountField.NAF_CODE), as(STEWARD))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("billingAddress", BILLING_TEXT, "5 place Bellecour, 69002 Lyon, FR"),
                            new FieldChange("siren", SIREN, OTHER_SIREN),
                            new FieldChange("siret", SIRET, OTHER_SIRET),
                            new FieldChange("nafCode", "62.01Z", "46.51Z"))));
        }

        @Test
        void letsTheSystemChangeErpFields() {
            AccountDetails expected = details().from(COMPLETE).paymentTerms("45 days end of month").build();

            fixture.given(linkedCustomer())
                    .when(update(OTHER_ERP_VALUES, AccountField.PAYMENT_TERMS), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("paymentTerms", "30 days net", "45 days end of month"))));
        }

        @Test
        void letsTheSystemChangeErpAndOtherFieldsTogether() {
            AccountDetails expected = details().from(COMPLETE).tradeName("Acme Lyon")
                    .paymentTerms("45 days end of month").build();

            fixture.given(linkedCustomer())
                    .when(update(details().from(OTHER_ERP_VALUES).tradeName("Acme Lyon").build(),
                            AccountField.PAYMENT_TERMS, AccountField.TRADE_NAME), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("tradeName", "Acme", "Acme Lyon"),
                            new FieldChange("paymentTerms", "30 days net", "45 days end of month"))));
        }

        @Test
        void refusesADataStewardChangingAFieldTheErpDoesNotMaster() {
            fixture.given(linkedCustomer())
                    .when(update(details().tradeName("Acme Lyon").build(), AccountField.TRADE_NAME), as(STEWARD))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesADataStewardChangingErpAndOtherFieldsTogether() {
            fixture.given(linkedCustomer())
                    .when(update(details().from(OTHER_ERP_VALUES).tradeName("Acme Lyon").build(),
                            AccountField.LEGAL_NAME, AccountField.TRADE_NAME), as(STEWARD))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST})
        void refusesOtherActorsChangingAnErpField(String actor) {
            fixture.given(linkedCustomer())
                    .when(update(OTHER_ERP_VALUES, AccountField.LEGAL_NAME), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesAPeerChangingOtherFieldsOfALinkedAccountAsNotFound() {
            fixture.given(linkedCustomer())
                    .when(update(details().tradeName("Acme Lyon").build(), AccountField.TRADE_NAME), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }
        @ParameterizedTest
        @ValueSource(strings = {PEER, OTHER_REP, OTHER_MANAGER})
        void refusesSomeoneWhoMayNotSeeALinkedAccountAsNotFoundWhateverTheFields(String actor) {
            fixture.given(linkedCustomer())
                    .when(update(OTHER_ERP_VALUES, AccountField.LEGAL_NAME), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }
        @Test
        void aRepsChangeOfAnotherFieldLeavesTheErpFieldsAsStored() {
            AccountDetails legacy = details().from(COMPLETE)
                    .billingAddress(new Address("1 rue X", "69002", "Lyon", "fr")).build();
            AccountDetails expected = details().from(legacy).tradeName("Acme Lyon").build();

            fixture.given(created(legacy), new AccountPromotedToCustomer(ACCOUNT_ID),
                            new AccountLinkedToErp(ACCOUNT_ID, ERP_ID))
                    .when(update(details().tradeName("Acme Lyon").build(), AccountField.TRADE_NAME))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected,
                            List.of(new FieldChange("tradeName", "Acme", "Acme Lyon"))));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, ADMIN})
        void letsWhoeverMayChangeTheAccountChangeErpFieldsBeforeTheLink(String actor) {
            AccountDetails expected = details().from(COMPLETE).legalName("Acme Lyon SARL").tradeName("Acme Lyon")
                    .build();

            fixture.given(customer())
                    .when(update(details().legalName("Acme Lyon SARL").tradeName("Acme Lyon").build(),
                            AccountField.LEGAL_NAME, AccountField.TRADE_NAME), as(actor))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, expected, List.of(
                            new FieldChange("legalName", "Acme SARL", "Acme Lyon SARL"),
                            new FieldChange("tradeName", "Acme", "Acme Lyon"))))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesADataStewardBeforeTheLinkAsTheyChangeNoRecords() {
            fixture.given(customer())
                    .when(update(OTHER_ERP_VALUES, AccountField.LEGAL_NAME), as(STEWARD))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesAPeerBeforeTheLinkAsNotFound() {
            fixture.given(customer())
                    .when(update(OTHER_ERP_VALUES, AccountField.LEGAL_NAME), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }
    }

    /** ERP-mastered values other than those of {@link AccountFixtures#COMPLETE}, consistent with each other. */
    private static final AccountDetails OTHER_ERP_VALUES = details().legalName("Acme Lyon SARL")
            .billingAddress(new Address("5 place Bellecour", "69002", "Lyon", "FR")).siren(OTHER_SIREN)
            .siret(OTHER_SIRET).nafCode("46.51Z").paymentTerms("45 days end of month").creditLimit("75000").build();

    // ---------------------------------------------------------------------------------------------------------
    // SyncAccountFromErp
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class SyncFromErp {

        @ParameterizedTest
        @ValueSource(strings = {SYSTEM, STEWARD})
        void appliesTheErpsValuesOfTheListedFields(String actor) {
            AccountDetails expected = details().from(COMPLETE).legalName("Acme Lyon SARL")
                    .paymentTerms("45 days end of month").build();

            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, OTHER_ERP_VALUES,
                            EnumSet.of(AccountField.PAYMENT_TERMS, AccountField.LEGAL_NAME)), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountSyncedFromErp(ACCOUNT_ID, expected, List.of(
                            new FieldChange("legalName", "Acme SARL", "Acme Lyon SARL"),
                            new FieldChange("paymentTerms", "30 days net", "45 days end of month"))))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void appliesEveryErpField() {
            AccountDetails expected = details().from(OTHER_ERP_VALUES).tradeName("Acme").phone("+33 4 72 00 00 00")
                    .headcount(120).build();

            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, OTHER_ERP_VALUES,
                            EnumSet.copyOf(Arrays.stream(AccountField.values()).filter(AccountField::erpMastered)
                                    .toList())), as(SYSTEM))
                    .expectEvents(new AccountSyncedFromErp(ACCOUNT_ID, expected, List.of(
                            new FieldChange("legalName", "Acme SARL", "Acme Lyon SARL"),
                            new FieldChange("billingAddress", BILLING_TEXT, "5 place Bellecour, 69002 Lyon, FR"),
                            new FieldChange("siren", SIREN, OTHER_SIREN),
                            new FieldChange("siret", SIRET, OTHER_SIRET),
                            new FieldChange("nafCode", "62.01Z", "46.51Z"),
                            new FieldChange("paymentTerms", "30 days net", "45 days end of month"),
                            new FieldChange("creditLimit", "50000", "75000"))));
        }

        @Test
        void clearsAFieldTheErpLeavesEmpty() {
            AccountDetails expected = details().from(COMPLETE).creditLimit((BigDecimal) null).build();

            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, details().build(), Set.of(AccountField.CREDIT_LIMIT)),
                            as(SYSTEM))
                    .expectEvents(new AccountSyncedFromErp(ACCOUNT_ID, expected,
                            List.of(new FieldChange("creditLimit", "50000", null))));
        }

        @Test
        void emitsNothingWhenTheErpAgrees() {
            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, COMPLETE,
                            EnumSet.of(AccountField.LEGAL_NAME, AccountField.SIRET)), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, AUDITOR, ANALYST})
        void refusesAnyoneButTheSystemAndDataStewards(String actor) {
            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, OTHER_ERP_VALUES, Set.of(AccountField.LEGAL_NAME)),
                            as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesAProspect() {
            fixture.given(created(COMPLETE))
                    .when(new SyncAccountFromErp(ACCOUNT_ID, OTHER_ERP_VALUES, Set.of(AccountField.LEGAL_NAME)),
                            as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.PROSPECT));
        }

        @Test
        void refusesACustomerNotYetLinked() {
            fixture.given(customer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, OTHER_ERP_VALUES, Set.of(AccountField.LEGAL_NAME)),
                            as(STEWARD))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.CUSTOMER));
        }

        @ParameterizedTest
        @EnumSource(value = AccountField.class, names = {"TRADE_NAME", "DELIVERY_ADDRESS", "PHONE", "WEBSITE",
                "HEADCOUNT", "ANNUAL_REVENUE", "OWNERSHIP_NOTES", "PURCHASE_VOLUME", "OUR_SHARE", "BUSINESS_TARGET"})
        void refusesAFieldTheErpDoesNotMaster(AccountField field) {
            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, COMPLETE, Set.of(field)), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField(field.fieldName(), "not-erp-mastered"));
        }

        @Test
        void refusesAFieldTheErpDoesNotMasterAmongErpFields() {
            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, OTHER_ERP_VALUES,
                            EnumSet.of(AccountField.LEGAL_NAME, AccountField.TRADE_NAME,
                                    AccountField.PAYMENT_TERMS)), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("tradeName", "not-erp-mastered"));
        }

        @Test
        void refusesAnEmptyFieldSet() {
            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, OTHER_ERP_VALUES, Set.of()), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("fields", "no-changes"));
        }

        @Test
        void refusesMissingFields() {
            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, OTHER_ERP_VALUES, null), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("fields", "no-changes"));
        }

        @Test
        void refusesMissingValues() {
            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, null, Set.of(AccountField.LEGAL_NAME)), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("fields", "no-changes"));
        }

        @Test
        void refusesValuesThatBreakTheRules() {
            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, OTHER_ERP_VALUES, Set.of(AccountField.SIRET)),
                            as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("siret", "siret-siren-mismatch"));
        }

        @Test
        void refusesClearingTheLegalName() {
            fixture.given(linkedCustomer())
                    .when(new SyncAccountFromErp(ACCOUNT_ID, details().build(), Set.of(AccountField.LEGAL_NAME)),
                            as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("legalName", "required"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // PromoteAccountToCustomer
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Promote {

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, SYSTEM})
        void makesACompleteProspectACustomer(String actor) {
            fixture.given(created(COMPLETE))
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountPromotedToCustomer(ACCOUNT_ID))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void needsOnlyTheErpFields() {
            AccountDetails minimal = details().legalName("Acme SARL").billingAddress(BILLING).siret(SIRET)
                    .nafCode("62.01Z").paymentTerms("30 days net").build();

            fixture.given(created(minimal))
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null))
                    .expectEvents(new AccountPromotedToCustomer(ACCOUNT_ID));
        }

        @Test
        void refusesAProspectWithItsNameAloneListingEverythingTheErpNeeds() {
            fixture.given(created(NAMED))
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null))
                    .expectNoEvents()
                    .expectException(incomplete("billingAddress", "siret", "nafCode", "paymentTerms"));
        }

        @Test
        void countsAnIncompleteBillingAddressAsMissing() {
            AccountDetails details = details().from(COMPLETE)
                    .billingAddress(new Address("1 rue X", null, "Lyon", "FR")).build();

            fixture.given(created(details))
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null))
                    .expectNoEvents()
                    .expectException(incomplete("billingAddress"));
        }

        @Test
        void listsOnlyWhatIsMissing() {
            AccountDetails details = details().from(COMPLETE).nafCode(null).paymentTerms(null).build();

            fixture.given(created(details))
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null))
                    .expectNoEvents()
                    .expectException(incomplete("nafCode", "paymentTerms"));
        }

        @Test
        void acceptsAProspectCompletedByLaterUpdates() {
            fixture.given(created(NAMED), new AccountDetailsUpdated(ACCOUNT_ID, COMPLETE, List.of()))
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null))
                    .expectEvents(new AccountPromotedToCustomer(ACCOUNT_ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesAProspectAnUpdateLeftIncomplete() {
            AccountDetails withoutTerms = details().from(COMPLETE).paymentTerms(null).build();

            fixture.given(created(COMPLETE), new AccountDetailsUpdated(ACCOUNT_ID, withoutTerms,
                            List.of(new FieldChange("paymentTerms", "30 days net", null))))
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null))
                    .expectNoEvents()
                    .expectException(incomplete("paymentTerms"));
        }

        @Test
        void refusesACustomer() {
            fixture.given(customer())
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.CUSTOMER));
        }

        @Test
        void refusesALinkedCustomer() {
            fixture.given(linkedCustomer())
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.CUSTOMER));
        }

        @Test
        void refusesADataSteward() {
            fixture.given(created(COMPLETE))
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null), as(STEWARD))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void answersNotFoundBeforeTellingWhatIsMissing() {
            fixture.given(created(NAMED))
                    .when(new PromoteAccountToCustomer(ACCOUNT_ID, null), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // LinkAccountToErp
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class LinkToErp {

        @ParameterizedTest
        @ValueSource(strings = {STEWARD, SYSTEM})
        void tiesACustomerToItsErpRecord(String actor) {
            fixture.given(customer())
                    .when(new LinkAccountToErp(ACCOUNT_ID, ERP_ID, null), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountLinkedToErp(ACCOUNT_ID, ERP_ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void trimsTheErpId() {
            fixture.given(customer())
                    .when(new LinkAccountToErp(ACCOUNT_ID, "  " + ERP_ID + " ", null), as(STEWARD))
                    .expectEvents(new AccountLinkedToErp(ACCOUNT_ID, ERP_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, AUDITOR, ANALYST})
        void refusesAnyoneButDataStewardsAndTheSystem(String actor) {
            fixture.given(customer())
                    .when(new LinkAccountToErp(ACCOUNT_ID, ERP_ID, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesAProspect() {
            fixture.given(created(COMPLETE))
                    .when(new LinkAccountToErp(ACCOUNT_ID, ERP_ID, null), as(STEWARD))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.PROSPECT));
        }

        @Test
        void refusesRelinkingToAnotherErpRecord() {
            fixture.given(linkedCustomer())
                    .when(new LinkAccountToErp(ACCOUNT_ID, "ERP-999999", null), as(STEWARD))
                    .expectNoEvents()
                    .expectException(conflict("erpId", "already-linked"));
        }

        @ParameterizedTest
        @ValueSource(strings = {ERP_ID, " " + ERP_ID + " "})
        void emitsNothingWhenAlreadyLinkedToTheSameRecord(String erpId) {
            fixture.given(linkedCustomer())
                    .when(new LinkAccountToErp(ACCOUNT_ID, erpId, null), as(STEWARD))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void refusesAMissingErpId(String erpId) {
            fixture.given(customer())
                    .when(new LinkAccountToErp(ACCOUNT_ID, erpId, null), as(STEWARD))
                    .expectNoEvents()
                    .expectException(invalidField("erpId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ERP 1", "ERP/1", "ERP#1"})
        void refusesAnInvalidErpId(String erpId) {
            fixture.given(customer())
                    .when(new LinkAccountToErp(ACCOUNT_ID, erpId, null), as(STEWARD))
                    .expectNoEvents()
                    .expectException(invalidField("erpId", "invalid-identifier"));
        }
        @Test
        void refusesSomeoneWhoMayNotSeeTheAccountAsNotFound() {
            fixture.given(customer())
                    .when(new LinkAccountToErp(ACCOUNT_ID, ERP_ID, null), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // AssignAccountOwner
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class AssignOwner {

        @Test
        void reassignmentNamesThePreviousOwner() {
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, REP_1, null), as(MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountOwnerAssigned(ACCOUNT_ID, REP_1, OWNER))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void firstAssignmentHasNoPreviousOwner() {
            fixture.given(new AccountCreated(ACCOUNT_ID, COMPLETE, null))
                    .when(new AssignAccountOwner(ACCOUNT_ID, OWNER, null), as(ADMIN))
                    .expectEvents(new AccountOwnerAssigned(ACCOUNT_ID, OWNER, null));
        }

        @Test
        void reassignmentNamesTheOwnerOfAnEarlierAssignment() {
            fixture.given(created(COMPLETE), new AccountOwnerAssigned(ACCOUNT_ID, REP_1, OWNER))
                    .when(new AssignAccountOwner(ACCOUNT_ID, PEER, null), as(MANAGER))
                    .expectEvents(new AccountOwnerAssigned(ACCOUNT_ID, PEER, REP_1))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void trimsTheOwnerId() {
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, "  rep-1 ", null), as(MANAGER))
                    .expectEvents(new AccountOwnerAssigned(ACCOUNT_ID, REP_1, OWNER));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, " rep "})
        void sameOwnerEmitsNothing(String ownerId) {
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, ownerId, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void refusesTheOwnerGivingTheAccountToTheirManager() {
            // a rep may give records only to themselves or to someone below them
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, MANAGER, null))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest(name = "{0} to {1}")
        @MethodSource("io.relais.account.AccountTest#assignmentsOutOfReach")
        void refusesAnOwnerOutOfTheActorsReach(String actor, String owner) {
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, owner, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void letsAnAdministratorGiveItToAnyone() {
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, OTHER_REP, null), as(ADMIN))
                    .expectEvents(new AccountOwnerAssigned(ACCOUNT_ID, OTHER_REP, OWNER));
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN, FORMER})
        void refusesAnOwnerWhoIsNotAnActiveUser(String owner) {
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, owner, null), as(MANAGER))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "unknown-owner"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, STEWARD})
        void refusesAnOwnerWhoseProfileCannotOwnRecords(String owner) {
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, owner, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "owner-cannot-own-records"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingOwner(String owner) {
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, owner, null), as(MANAGER))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Rep-1", "rep 1", "r", "system:erp-sync"})
        void refusesAnInvalidOwnerId(String owner) {
            fixture.given(created(COMPLETE))
                    .when(new AssignAccountOwner(ACCOUNT_ID, owner, null), as(MANAGER))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "invalid-user-id"));
        }

        @Test
        void isAllowedOnALinkedCustomer() {
            fixture.given(linkedCustomer())
                    .when(new AssignAccountOwner(ACCOUNT_ID, REP_1, null), as(MANAGER))
                    .expectEvents(new AccountOwnerAssigned(ACCOUNT_ID, REP_1, OWNER))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void takesAwayThePreviousOwnersRights() {
            fixture.given(created(COMPLETE), new AccountOwnerAssigned(ACCOUNT_ID, REP_1, OWNER))
                    .when(update(details().tradeName("Acme Lyon").build(), AccountField.TRADE_NAME))
                    .expectNoEvents()
                    .expectException(notFound());
        }
    }

    static Stream<Arguments> assignmentsOutOfReach() {
        return Stream.of(Arguments.of(OWNER, PEER), Arguments.of(MANAGER, OTHER_REP),
                Arguments.of(MANAGER, OTHER_MANAGER), Arguments.of(MANAGER, DIRECTOR));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Contacts
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class AddContacts {

        @Test
        void addsAValidatedContact() {
            ContactDetails padded = new ContactDetails(" Jeanne ", "Martin ", " Buyer", List.of(" " + EMAIL),
                    List.of(PHONE + " "), " Lyon fair 2024 ", DecisionRole.BUYER, "  ");

            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, padded))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContactAdded(ACCOUNT_ID, C1, JEANNE))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void dropsDuplicateEmailsAndPhones() {
            ContactDetails details = new ContactDetails("Jeanne", null, null,
                    List.of(EMAIL, EMAIL.toUpperCase(), " "), List.of(PHONE, PHONE), null, null, null);

            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, details))
                    .expectEvents(new ContactAdded(ACCOUNT_ID, C1, new ContactDetails("Jeanne", null, null,
                            List.of(EMAIL), List.of(PHONE), null, null, null)));
        }

        @Test
        void addsSeveralContacts() {
            fixture.given(created(COMPLETE), new ContactAdded(ACCOUNT_ID, C1, JEANNE))
                    .when(new AddContact(ACCOUNT_ID, C2, PAUL))
                    .expectEvents(new ContactAdded(ACCOUNT_ID, C2, PAUL))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void isAllowedOnALinkedCustomer() {
            fixture.given(linkedCustomer())
                    .when(new AddContact(ACCOUNT_ID, C1, JEANNE))
                    .expectEvents(new ContactAdded(ACCOUNT_ID, C1, JEANNE));
        }

        @Test
        void refusesAContactIdTheAccountHasAlready() {
            fixture.given(created(COMPLETE), new ContactAdded(ACCOUNT_ID, C1, JEANNE))
                    .when(new AddContact(ACCOUNT_ID, C1, PAUL))
                    .expectNoEvents()
                    .expectException(conflict("contactId", "contact-exists"));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"contact 1", " contact-1", "contact-1 ", "contact/1", "contact-é"})
        void refusesAnInvalidContactId(String contactId) {
            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, contactId, JEANNE))
                    .expectNoEvents()
                    .expectException(invalidField("contactId", "invalid-identifier"));
        }

        @ParameterizedTest
        @EmptySource
        @ValueSource(strings = {"   "})
        void refusesABlankContactId(String contactId) {
            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, contactId, JEANNE))
                    .expectNoEvents()
                    .expectException(invalidField("contactId", "required"));
        }

        @Test
        void refusesMissingDetails() {
            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, null))
                    .expectNoEvents()
                    .expectException(invalidField("lastName", "required"));
        }

        @Test
        void refusesAContactWithoutAName() {
            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, new ContactDetails(" ", null, "Buyer", List.of(EMAIL),
                            null, null, null, null)))
                    .expectNoEvents()
                    .expectException(invalidField("lastName", "required"));
        }

        @Test
        void refusesAnInvalidEmailNamingItsIndex() {
            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, new ContactDetails("Jeanne", null, null,
                            List.of(EMAIL, "jeanne@"), null, null, null, null)))
                    .expectNoEvents()
                    .expectException(invalidField("emails[1]", "invalid-email"));
        }

        @Test
        void refusesMoreThanFivePhones() {
            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, new ContactDetails("Jeanne", null, null, null,
                            List.of("0400000001", "0400000002", "0400000003", "0400000004", "0400000005",
                                    "0400000006"), null, null, null)))
                    .expectNoEvents()
                    .expectException(invalidField("phones", "too-many"));
        }

        @Test
        void keepsTheLeadTheContactWasConvertedFrom() {
            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, JEANNE, LEAD))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContactAdded(ACCOUNT_ID, C1, JEANNE, LEAD))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aContactAddedByHandHasNoLead() {
            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, JEANNE))
                    .expectEvents(new ContactAdded(ACCOUNT_ID, C1, JEANNE, null));
        }

        @Test
        void aContactAddedWithANullLeadHasNoLead() {
            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, JEANNE, null))
                    .expectEvents(new ContactAdded(ACCOUNT_ID, C1, JEANNE));
        }

        @Test
        void validatesTheDetailsOfAContactConvertedFromALead() {
            ContactDetails padded = new ContactDetails(" Jeanne ", "Martin ", " Buyer", List.of(" " + EMAIL),
                    List.of(PHONE + " "), " Lyon fair 2024 ", DecisionRole.BUYER, "  ");

            fixture.given(created(COMPLETE))
                    .when(new AddContact(ACCOUNT_ID, C1, padded, LEAD))
                    .expectEvents(new ContactAdded(ACCOUNT_ID, C1, JEANNE, LEAD));
        }

        @Test
        void refusesAContactIdTheAccountHasAlreadyEvenFromALead() {
            fixture.given(created(COMPLETE), new ContactAdded(ACCOUNT_ID, C1, JEANNE, LEAD))
                    .when(new AddContact(ACCOUNT_ID, C1, JEANNE, LEAD))
                    .expectNoEvents()
                    .expectException(conflict("contactId", "contact-exists"));
        }
    }

    @Nested
    class AttachConvertedLeads {

        @Test
        void recordsTheLeadConvertedIntoTheAccountAsItsContact() {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, C1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void attachesTheLeadToTheContactMadeFromIt() {
            fixture.given(created(COMPLETE), new ContactAdded(ACCOUNT_ID, C1, JEANNE, LEAD))
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, C1))
                    .expectEvents(new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void trimsTheLeadId() {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, "  lead-42 ", C2))
                    .expectEvents(new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C2));
        }

        @ParameterizedTest
        @ValueSource(strings = {LEAD, " lead-42 "})
        void emitsNothingWhenTheLeadIsAttachedAlready(String leadId) {
            fixture.given(with(withContacts(), new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1)))
                    .when(new AttachConvertedLead(ACCOUNT_ID, leadId, C1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void keepsTheFirstAttachmentOfALeadWhateverTheContactNamedAfterwards() {
            fixture.given(with(withContacts(), new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1)))
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, C2))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void attachesAnotherLeadToTheSameContact() {
            fixture.given(with(withContacts(), new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1)))
                    .when(new AttachConvertedLead(ACCOUNT_ID, OTHER_LEAD, C1))
                    .expectEvents(new LeadConvertedIntoAccount(ACCOUNT_ID, OTHER_LEAD, C1))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void attachesAnotherLeadToAnotherContact() {
            fixture.given(with(withContacts(), new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1)))
                    .when(new AttachConvertedLead(ACCOUNT_ID, OTHER_LEAD, C2))
                    .expectEvents(new LeadConvertedIntoAccount(ACCOUNT_ID, OTHER_LEAD, C2));
        }

        @Test
        void isAllowedOnALinkedCustomer() {
            fixture.given(with(linkedCustomer(), new ContactAdded(ACCOUNT_ID, C1, JEANNE, LEAD)))
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, C1))
                    .expectEvents(new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void refusesAnUnknownContact() {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, "contact-9"))
                    .expectNoEvents()
                    .expectException(notFound("contact-9"));
        }

        @Test
        void refusesAMissingContactId() {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, null))
                    .expectNoEvents()
                    .expectException(notFound("null"));
        }

        @Test
        void refusesAContactIdWithSurroundingSpacesAsUnknown() {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, " contact-1 "))
                    .expectNoEvents()
                    .expectException(notFound(" contact-1 "));
        }

        @Test
        void refusesAContactOfAnAccountWithoutContacts() {
            fixture.given(created(COMPLETE))
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, C1))
                    .expectNoEvents()
                    .expectException(notFound(C1));
        }

        @Test
        void refusesAnUnknownContactEvenForALeadAttachedAlready() {
            fixture.given(with(withContacts(), new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1)))
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, "contact-9"))
                    .expectNoEvents()
                    .expectException(notFound("contact-9"));
        }

        @Test
        void looksForTheContactBeforeCheckingTheLeadId() {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, "lead 42", "contact-9"))
                    .expectNoEvents()
                    .expectException(notFound("contact-9"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"lead 42", "lead/42", "lead-é", "lead#42", "lead:42"})
        void refusesAnInvalidLeadId(String leadId) {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, leadId, C1))
                    .expectNoEvents()
                    .expectException(invalidField("leadId", "invalid-identifier"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingLeadId(String leadId) {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, leadId, C1))
                    .expectNoEvents()
                    .expectException(invalidField("leadId", "required"));
        }

        @Test
        void refusesATooLongLeadId() {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, "l".repeat(101), C1))
                    .expectNoEvents()
                    .expectException(invalidField("leadId", "too-long"));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, SYSTEM})
        void isAllowedToWhoeverMayChangeTheOwnersRecords(String actor) {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, C1), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1));
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, SYSTEM})
        void letsAdministratorsAndTheSystemAttachToAnUnassignedAccount(String actor) {
            fixture.given(new AccountCreated(ACCOUNT_ID, COMPLETE, null), new ContactAdded(ACCOUNT_ID, C1, JEANNE))
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, C1), as(actor))
                    .expectEvents(new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1));
        }

        @Test
        void answersNotFoundToAPeerBeforeLookingForTheContact() {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, "lead 42", "contact-9"), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void refusesAnAuditorBeforeLookingForTheContact() {
            fixture.given(withContacts())
                    .when(new AttachConvertedLead(ACCOUNT_ID, "lead 42", "contact-9"), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER})
        void answersNotFoundToARetryByWhoeverCannotSeeTheAccount(String actor) {
            fixture.given(with(withContacts(), new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1)))
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, C1), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesARetryByAReadOnlyProfile(String actor) {
            fixture.given(with(withContacts(), new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1)))
                    .when(new AttachConvertedLead(ACCOUNT_ID, LEAD, C1), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    @Nested
    class UpdateContacts {

        @Test
        void replacesTheDetailsListingWhatChanged() {
            ContactDetails updated = new ContactDetails("Jeanne-Marie", "Martin", "Head of purchasing",
                    List.of(EMAIL), List.of(PHONE), "Lyon fair 2024", DecisionRole.BUYER, "Prefers e-mail");

            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, C1, updated, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContactUpdated(ACCOUNT_ID, C1, updated, List.of(
                            new FieldChange("firstName", "Jeanne", "Jeanne-Marie"),
                            new FieldChange("jobTitle", "Buyer", "Head of purchasing"),
                            new FieldChange("notes", null, "Prefers e-mail"))))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void showsEmailsAndPhonesAsCommaSeparatedTextAndAnEmptyListAsNull() {
            ContactDetails updated = new ContactDetails("Jeanne", "Martin", "Buyer",
                    List.of(EMAIL, "jm@acme.example.fr"), List.of(), "Lyon fair 2024", DecisionRole.BUYER, null);

            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, C1, updated, null))
                    .expectEvents(new ContactUpdated(ACCOUNT_ID, C1, updated, List.of(
                            new FieldChange("emails", EMAIL, EMAIL + ", jm@acme.example.fr"),
                            new FieldChange("phones", PHONE, null))));
        }

        @Test
        void showsTheDecisionRoleByName() {
            ContactDetails updated = new ContactDetails("Jeanne", "Martin", "Buyer", List.of(EMAIL), List.of(PHONE),
                    "Lyon fair 2024", DecisionRole.DECISION_MAKER, null);

            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, C1, updated, null))
                    .expectEvents(new ContactUpdated(ACCOUNT_ID, C1, updated,
                            List.of(new FieldChange("decisionRole", "BUYER", "DECISION_MAKER"))));
        }

        @Test
        void validatesTheNewDetails() {
            ContactDetails padded = new ContactDetails(" Paul", "Durand ", " ", List.of(" paul@example.fr "),
                    List.of(), null, null, null);
            ContactDetails valid = new ContactDetails("Paul", "Durand", null, List.of("paul@example.fr"), List.of(),
                    null, null, null);

            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, C2, padded, null))
                    .expectEvents(new ContactUpdated(ACCOUNT_ID, C2, valid,
                            List.of(new FieldChange("emails", null, "paul@example.fr"))));
        }

        @Test
        void emitsNothingWhenNothingChanges() {
            ContactDetails same = new ContactDetails(" Paul ", "Durand", "", List.of(" "), null, null, null, null);

            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, C2, same, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void buildsOnEarlierUpdates() {
            ContactDetails first = new ContactDetails("Paul", "Durand", "CFO", null, null, null, null, null);
            ContactDetails second = new ContactDetails("Paul", "Durand", "CEO", null, null, null, null, null);

            fixture.given(with(withContacts(), new ContactUpdated(ACCOUNT_ID, C2, first,
                            List.of(new FieldChange("jobTitle", null, "CFO")))))
                    .when(new UpdateContact(ACCOUNT_ID, C2, second, null))
                    .expectEvents(new ContactUpdated(ACCOUNT_ID, C2, second,
                            List.of(new FieldChange("jobTitle", "CFO", "CEO"))))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void refusesAnUnknownContact() {
            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, "contact-9", PAUL, null))
                    .expectNoEvents()
                    .expectException(notFound("contact-9"));
        }

        @Test
        void refusesAMissingContactId() {
            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, null, PAUL, null))
                    .expectNoEvents()
                    .expectException(notFound("null"));
        }

        @Test
        void refusesAContactOfAnAccountWithoutContacts() {
            fixture.given(created(COMPLETE))
                    .when(new UpdateContact(ACCOUNT_ID, C1, PAUL, null))
                    .expectNoEvents()
                    .expectException(notFound(C1));
        }

        @Test
        void refusesMissingDetails() {
            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, C1, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("lastName", "required"));
        }

        @Test
        void refusesRemovingTheName() {
            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, C1, new ContactDetails(null, " ", "Buyer", List.of(EMAIL),
                            null, null, null, null), null))
                    .expectNoEvents()
                    .expectException(invalidField("lastName", "required"));
        }

        @Test
        void refusesAnInvalidPhoneNamingItsIndex() {
            fixture.given(withContacts())
                    .when(new UpdateContact(ACCOUNT_ID, C1, new ContactDetails("Jeanne", null, null, null,
                            List.of(PHONE, "call me"), null, null, null), null))
                    .expectNoEvents()
                    .expectException(invalidField("phones[1]", "invalid-phone"));
        }
    }

    @Nested
    class LinkContactsTogether {

        @Test
        void recordsHowOneContactRelatesToAnother() {
            fixture.given(withContacts())
                    .when(new LinkContacts(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContactsLinked(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void acceptsAContactOfAnotherAccount() {
            fixture.given(withContacts())
                    .when(new LinkContacts(ACCOUNT_ID, C1, "contact-elsewhere", ContactLinkKind.REFERRED_BY))
                    .expectEvents(new ContactsLinked(ACCOUNT_ID, C1, "contact-elsewhere",
                            ContactLinkKind.REFERRED_BY));
        }

        @Test
        void trimsTheLinkedContactId() {
            fixture.given(withContacts())
                    .when(new LinkContacts(ACCOUNT_ID, C1, " contact-2 ", ContactLinkKind.REPORTS_TO))
                    .expectEvents(new ContactsLinked(ACCOUNT_ID, C1, C2, ContactLinkKind.REPORTS_TO));
        }

        @ParameterizedTest
        @ValueSource(strings = {C2, " contact-2 "})
        void emitsNothingForALinkThatExistsAlready(String linkedContactId) {
            fixture.given(with(withContacts(), new ContactsLinked(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE)))
                    .when(new LinkContacts(ACCOUNT_ID, C1, linkedContactId, ContactLinkKind.COLLEAGUE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void recordsAnotherKindOfLinkBetweenTheSameContacts() {
            fixture.given(with(withContacts(), new ContactsLinked(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE)))
                    .when(new LinkContacts(ACCOUNT_ID, C1, C2, ContactLinkKind.FAMILY))
                    .expectEvents(new ContactsLinked(ACCOUNT_ID, C1, C2, ContactLinkKind.FAMILY));
        }

        @Test
        void recordsTheLinkTheOtherWayRound() {
            fixture.given(with(withContacts(), new ContactsLinked(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE)))
                    .when(new LinkContacts(ACCOUNT_ID, C2, C1, ContactLinkKind.COLLEAGUE))
                    .expectEvents(new ContactsLinked(ACCOUNT_ID, C2, C1, ContactLinkKind.COLLEAGUE));
        }

        @ParameterizedTest
        @ValueSource(strings = {C1, " contact-1 "})
        void refusesLinkingAContactToItself(String linkedContactId) {
            fixture.given(withContacts())
                    .when(new LinkContacts(ACCOUNT_ID, C1, linkedContactId, ContactLinkKind.SAME_PERSON))
                    .expectNoEvents()
                    .expectException(invalidField("linkedContactId", "same-contact"));
        }

        @Test
        void refusesAMissingKind() {
            fixture.given(withContacts())
                    .when(new LinkContacts(ACCOUNT_ID, C1, C2, null))
                    .expectNoEvents()
                    .expectException(invalidField("kind", "required"));
        }

        @Test
        void refusesAnUnknownContact() {
            fixture.given(withContacts())
                    .when(new LinkContacts(ACCOUNT_ID, "contact-9", C2, ContactLinkKind.OTHER))
                    .expectNoEvents()
                    .expectException(notFound("contact-9"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void refusesAMissingLinkedContact(String linkedContactId) {
            fixture.given(withContacts())
                    .when(new LinkContacts(ACCOUNT_ID, C1, linkedContactId, ContactLinkKind.OTHER))
                    .expectNoEvents()
                    .expectException(invalidField("linkedContactId", "required"));
        }

        @Test
        void refusesAnInvalidLinkedContactId() {
            fixture.given(withContacts())
                    .when(new LinkContacts(ACCOUNT_ID, C1, "contact 2", ContactLinkKind.OTHER))
                    .expectNoEvents()
                    .expectException(invalidField("linkedContactId", "invalid-identifier"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Visibility: outside the actor's reach a record does not exist; read-only profiles may see but not change
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Visibility {

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.account.AccountTest#commandsByActorsWhoMayNotSeeTheAccount")
        void refusesSomeoneWhoMayNotSeeTheAccountAsNotFound(String name, String actor, Object command) {
            fixture.given(withContacts())
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.account.AccountTest#commandsByReadOnlyActors")
        void refusesSomeoneWhoMaySeeButNotChangeTheAccount(String name, String actor, Object command) {
            fixture.given(withContacts())
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountTest#changesOfTheAccount")
        void refusesARepAnUnassignedAccountAsNotFound(String name, Object command) {
            fixture.given(new AccountCreated(ACCOUNT_ID, COMPLETE, null), new ContactAdded(ACCOUNT_ID, C1, JEANNE),
                            new ContactAdded(ACCOUNT_ID, C2, PAUL))
                    .when(command, as(OWNER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountTest#changesOfTheAccount")
        void letsTheOwnersManagerDoIt(String name, Object command) {
            fixture.given(withContacts())
                    .when(command, as(MANAGER))
                    .expectSuccessfulHandlerExecution();
        }
    }

    /** Changes that OWNER may make to the account of {@link AccountFixtures#withContacts()}. */
    static Stream<Arguments> changesOfTheAccount() {
        return Stream.of(
                Arguments.of("UpdateAccountDetails",
                        update(details().tradeName("Acme Lyon").build(), AccountField.TRADE_NAME)),
                Arguments.of("AddContact", new AddContact(ACCOUNT_ID, "contact-3", PAUL)),
                Arguments.of("PromoteAccountToCustomer", new PromoteAccountToCustomer(ACCOUNT_ID, null)),
                Arguments.of("AssignAccountOwner", new AssignAccountOwner(ACCOUNT_ID, OWNER, null)),
                Arguments.of("UpdateContact", new UpdateContact(ACCOUNT_ID, C1, PAUL, null)),
                Arguments.of("LinkContacts", new LinkContacts(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE)),
                Arguments.of("AddContact from a lead", new AddContact(ACCOUNT_ID, "contact-3", PAUL, LEAD)),
                Arguments.of("AttachConvertedLead", new AttachConvertedLead(ACCOUNT_ID, LEAD, C1)));
    }

    static Stream<Arguments> commandsByActorsWhoMayNotSeeTheAccount() {
        return changesBy(PEER, REP_1, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER);
    }

    static Stream<Arguments> commandsByReadOnlyActors() {
        return changesBy(AUDITOR, ANALYST, STEWARD);
    }

    private static Stream<Arguments> changesBy(String... actors) {
        List<Arguments> arguments = new ArrayList<>();
        for (String actor : actors) {
            changesOfTheAccount().forEach(change -> arguments.add(
                    Arguments.of(change.get()[0], actor, change.get()[1])));
        }
        return arguments.stream();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expected versions
    // ---------------------------------------------------------------------------------------------------------

    static Stream<Arguments> commandsAtVersionOne() {
        List<Object> customer = customer();
        List<Object> prospectWithContact = List.of(created(COMPLETE), new ContactAdded(ACCOUNT_ID, C1, JEANNE));
        return Stream.of(
                Arguments.of("UpdateAccountDetails", OWNER, customer, (LongFunction<Object>) v ->
                        new UpdateAccountDetails(ACCOUNT_ID, details().tradeName("Acme Lyon").build(),
                                Set.of(AccountField.TRADE_NAME), v)),
                Arguments.of("AssignAccountOwner", MANAGER, customer,
                        (LongFunction<Object>) v -> new AssignAccountOwner(ACCOUNT_ID, REP_1, v)),
                Arguments.of("PromoteAccountToCustomer", OWNER, prospectWithContact,
                        (LongFunction<Object>) v -> new PromoteAccountToCustomer(ACCOUNT_ID, v)),
                Arguments.of("LinkAccountToErp", STEWARD, customer,
                        (LongFunction<Object>) v -> new LinkAccountToErp(ACCOUNT_ID, ERP_ID, v)),
                Arguments.of("UpdateContact", OWNER, prospectWithContact,
                        (LongFunction<Object>) v -> new UpdateContact(ACCOUNT_ID, C1, PAUL, v)),
                Arguments.of("MoveContact", OWNER, prospectWithContact,
                        (LongFunction<Object>) v -> new MoveContact(ACCOUNT_ID, C1, "account-8", v)),
                Arguments.of("MergeAccountInto", OWNER, customer,
                        (LongFunction<Object>) v -> new MergeAccountInto(ACCOUNT_ID, "account-1", v)));
    }

    /** {@link #commandsAtVersionOne()}, each with a stale, the current and a future expected version. */
    static Stream<Arguments> commandsAtVersionOneWithEveryExpectedVersion() {
        return ExpectedVersions.staleCurrentAndFuture(commandsAtVersionOne(), 1);
    }

    @Nested
    class Versions {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountTest#commandsAtVersionOne")
        void acceptsTheCurrentVersionAndAnswersTheNewOne(String name, String actor, List<Object> history,
                                                         LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(1L), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountTest#commandsAtVersionOne")
        void refusesAStaleVersion(String name, String actor, List<Object> history, LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(0L), as(actor))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountTest#commandsAtVersionOne")
        void refusesAVersionTheAccountHasNotReached(String name, String actor, List<Object> history,
                                                    LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(2L), as(actor))
                    .expectNoEvents()
                    .expectException(staleVersion(2, 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountTest#commandsAtVersionOne")
        void holdsTheSystemToItsExpectedVersionToo(String name, String actor, List<Object> history,
                                                   LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(0L), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @Test
        void holdsADataStewardChangingErpFieldsToTheExpectedVersionToo() {
            fixture.given(linkedCustomer())
                    .when(new UpdateAccountDetails(ACCOUNT_ID, details().legalName("Acme Lyon SARL").build(),
                            Set.of(AccountField.LEGAL_NAME), 1L), as(STEWARD))
                    .expectNoEvents()
                    .expectException(staleVersion(1, 2));
        }

        @ParameterizedTest(name = "{0} expecting version {4}")
        @MethodSource("io.relais.account.AccountTest#commandsAtVersionOneWithEveryExpectedVersion")
        void whoeverMayNotSeeTheAccountIsToldItDoesNotExistWhateverTheVersion(String name, String actor,
                                                                               List<Object> history,
                                                                               LongFunction<Object> command,
                                                                               long version) {
            fixture.given(history)
                    .when(command.apply(version), as(OTHER_REP))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0} expecting version {4}")
        @MethodSource("io.relais.account.AccountTest#commandsAtVersionOneWithEveryExpectedVersion")
        void aReadOnlyProfileIsForbiddenWhateverTheVersion(String name, String actor, List<Object> history,
                                                           LongFunction<Object> command, long version) {
            fixture.given(history)
                    .when(command.apply(version), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    /** Changes {@code fields}, listed in the given order, to their values in {@code changes}. */
    private static UpdateAccountDetails update(AccountDetails changes, AccountField... fields) {
        return new UpdateAccountDetails(ACCOUNT_ID, changes, new LinkedHashSet<>(List.of(fields)), null);
    }

    /** Matches an {@link IncompleteRecordException} for the ERP listing exactly {@code missingFields}, in order. */
    private static Matcher<IncompleteRecordException> incomplete(String... missingFields) {
        List<String> expected = List.of(missingFields);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(IncompleteRecordException e) {
                return "erp-fields-missing".equals(e.code()) && expected.equals(e.missingFields());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("IncompleteRecordException erp-fields-missing with missing fields ")
                        .appendValue(expected);
            }

            @Override
            protected void describeMismatchSafely(IncompleteRecordException e, Description description) {
                description.appendText("had code ").appendValue(e.code()).appendText(" and missing fields ")
                        .appendValue(e.missingFields());
            }
        };
    }
}
