package io.relais.account;

import io.relais.common.FieldChange;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.relais.account.AccountFixtures.ACCOUNT_ID;
import static io.relais.account.AccountFixtures.BILLING_TEXT;
import static io.relais.account.AccountFixtures.COMPLETE;
import static io.relais.account.AccountFixtures.NAMED;
import static io.relais.account.AccountFixtures.OTHER_SIREN;
import static io.relais.account.AccountFixtures.OTHER_SIRET;
import static io.relais.account.AccountFixtures.OWNER;
import static io.relais.account.AccountFixtures.SIREN;
import static io.relais.account.AccountFixtures.SIRET;
import static io.relais.account.AccountFixtures.accountFixture;
import static io.relais.account.AccountFixtures.created;
import static io.relais.account.AccountFixtures.details;
import static io.relais.account.AccountFixtures.forbidden;
import static io.relais.account.AccountFixtures.invalidField;
import static io.relais.account.AccountFixtures.linkedCustomer;
import static io.relais.account.AccountFixtures.notFound;
import static io.relais.common.CommandFixtures.as;
import static io.relais.common.RefusalMatchers.staleVersion;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.organisation.TestOrganisation.STEWARD;

/** Fixture tests of an account filled from a company register: by data stewards, the register's fields only. */
class AccountRegisterFillTest {

    /** What SIRENE holds for the establishment {@code SIRET}. */
    private static final AccountDetails REGISTERED = details().legalName("ACME INDUSTRIES")
            .billingAddress(new Address("12 AVENUE DES CHAMPS ELYSEES", "75008", "PARIS 8", "FR")).siren(SIREN)
            .siret(SIRET).nafCode("62.02A").build();

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture();
    }

    private static FillAccountFromRegister fill(AccountDetails values, Set<AccountField> fields, Long version) {
        return new FillAccountFromRegister(ACCOUNT_ID, "SIRENE", SIRET, values, fields, version);
    }

    @Test
    void aDataStewardFillsTheListedFieldsAndTheEventSaysFromWhichRegister() {
        AccountDetails expected = details().from(NAMED).legalName("ACME INDUSTRIES")
                .billingAddress(REGISTERED.billingAddress()).siren(SIREN).siret(SIRET).nafCode("62.02A").build();

        fixture.given(created(NAMED))
                .when(fill(REGISTERED, FillAccountFromRegister.REGISTER_FIELDS, 0L), as(STEWARD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountFilledFromRegister(ACCOUNT_ID, "SIRENE", SIRET, expected, List.of(
                        new FieldChange("legalName", "Acme SARL", "ACME INDUSTRIES"),
                        new FieldChange("billingAddress", null, "12 AVENUE DES CHAMPS ELYSEES, 75008 PARIS 8, FR"),
                        new FieldChange("siren", null, SIREN),
                        new FieldChange("siret", null, SIRET),
                        new FieldChange("nafCode", null, "62.02A"))))
                .expectResultMessagePayload(1L);
    }

    @Test
    void fieldsNotListedStayAndErpMasteredOnesAreFilledToo() {
        AccountDetails expected = details().from(COMPLETE).nafCode("62.02A").build();

        fixture.given(linkedCustomer())
                .when(fill(REGISTERED, EnumSet.of(AccountField.NAF_CODE), null), as(STEWARD))
                .expectEvents(new AccountFilledFromRegister(ACCOUNT_ID, "SIRENE", SIRET, expected,
                        List.of(new FieldChange("nafCode", "62.01Z", "62.02A"))));
    }

    @Test
    void nothingIsRecordedWhenTheAccountSaysWhatTheRegisterSays() {
        fixture.given(created(COMPLETE))
                .when(fill(COMPLETE, EnumSet.of(AccountField.SIRET, AccountField.BILLING_ADDRESS), null), as(STEWARD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {OWNER, MANAGER})
    void whoMayChangeTheAccountFillsWhatItLacksAddressPartsIncluded(String actor) {
        AccountDetails lacking = details().from(NAMED).billingAddress(new Address(null, "75008", null, null)).build();
        AccountDetails values = details().from(REGISTERED).legalName("Acme SARL").build();
        AccountDetails expected = details().from(NAMED).billingAddress(REGISTERED.billingAddress()).siren(SIREN)
                .siret(SIRET).nafCode("62.02A").build();

        fixture.given(created(lacking))
                .when(fill(values, FillAccountFromRegister.REGISTER_FIELDS, 0L), as(actor))
                .expectEvents(new AccountFilledFromRegister(ACCOUNT_ID, "SIRENE", SIRET, expected, List.of(
                        new FieldChange("billingAddress", "75008", "12 AVENUE DES CHAMPS ELYSEES, 75008 PARIS 8, FR"),
                        new FieldChange("siren", null, SIREN),
                        new FieldChange("siret", null, SIRET),
                        new FieldChange("nafCode", null, "62.02A"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {ANALYST, AUDITOR})
    void whoMayOnlyReadTheAccountFillsNothing(String actor) {
        fixture.given(created(NAMED))
                .when(fill(details().from(REGISTERED).legalName("Acme SARL").build(),
                        EnumSet.of(AccountField.NAF_CODE), null), as(actor))
                .expectNoEvents()
                .expectException(forbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {OWNER, MANAGER, ADMIN, ANALYST, AUDITOR})
    void onlyDataStewardsChangeAnAccountsValuesFromARegister(String actor) {
        fixture.given(created(NAMED))
                .when(fill(REGISTERED, FillAccountFromRegister.REGISTER_FIELDS, null), as(actor))
                .expectNoEvents()
                .expectException(forbidden());
    }

    @Test
    void whatTheRegisterDoesNotSayIsRefused() {
        fixture.given(created(NAMED))
                .when(fill(REGISTERED, EnumSet.of(AccountField.LEGAL_NAME, AccountField.CREDIT_LIMIT), null),
                        as(STEWARD))
                .expectException(invalidField("creditLimit", "not-from-register"));
        fixture.given(created(NAMED))
                .when(fill(REGISTERED, Set.of(), null), as(STEWARD))
                .expectException(invalidField("fields", "no-changes"));
        fixture.given(created(NAMED))
                .when(new FillAccountFromRegister(ACCOUNT_ID, "SIRENE", "73282932000075", REGISTERED,
                        EnumSet.of(AccountField.NAF_CODE), null), as(STEWARD))
                .expectException(invalidField("siret", "invalid-siret"));
        fixture.given(created(COMPLETE))
                .when(fill(details().from(REGISTERED).siren(OTHER_SIREN).siret(OTHER_SIRET).build(),
                        EnumSet.of(AccountField.SIREN), null), as(STEWARD))
                .expectException(invalidField("siret", "siret-siren-mismatch"));
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(created(NAMED), new AccountDetailsUpdated(ACCOUNT_ID, details().from(NAMED).tradeName("Acme")
                        .build(), List.of(new FieldChange("tradeName", null, "Acme"))))
                .when(fill(REGISTERED, EnumSet.of(AccountField.NAF_CODE), 0L), as(STEWARD))
                .expectException(staleVersion(0, 1));
    }

    @Test
    void whoCannotSeeTheAccountIsToldItIsNotThere() {
        fixture.given(created(NAMED))
                .when(fill(REGISTERED, EnumSet.of(AccountField.NAF_CODE), null), as(OTHER_REP))
                .expectException(notFound());
    }
}
