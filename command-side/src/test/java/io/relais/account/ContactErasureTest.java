package io.relais.account;

import io.relais.personaldata.DataSubject;
import io.relais.personaldata.DataSubjectKind;
import io.relais.personaldata.ErasureRequest;
import io.relais.personaldata.InMemoryDataSubjectKeys;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static io.relais.account.AccountFixtures.ACCOUNT_ID;
import static io.relais.account.AccountFixtures.C1;
import static io.relais.account.AccountFixtures.C2;
import static io.relais.account.AccountFixtures.COMPLETE;
import static io.relais.account.AccountFixtures.JEANNE;
import static io.relais.account.AccountFixtures.LEAD;
import static io.relais.account.AccountFixtures.PAUL;
import static io.relais.account.AccountFixtures.accountFixture;
import static io.relais.account.AccountFixtures.with;
import static io.relais.account.AccountFixtures.withContacts;
import static io.relais.common.CommandFixtures.as;
import static io.relais.common.RefusalMatchers.conflict;
import static io.relais.common.RefusalMatchers.forbidden;
import static io.relais.common.RefusalMatchers.notFound;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;

/** Erasing a contact's personal data (ADR 013): who may, what is recorded, and what the account refuses afterwards. */
class ContactErasureTest {

    private static final ErasureRequest REQUEST = new ErasureRequest("Request of 2026-12-01 by e-mail", null);
    private static final DataSubject JEANNE_SUBJECT = new DataSubject(DataSubjectKind.CONTACT, C1);

    private final InMemoryDataSubjectKeys keys = new InMemoryDataSubjectKeys();
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture(accountId -> Optional.empty(), keys);
    }

    @Test
    void aDataStewardErasesAContactTheKeyIsDeletedAndTheOtherContactsStay() {
        fixture.given(withContacts())
                .when(new EraseContactPersonalData(ACCOUNT_ID, C1, REQUEST), as(STEWARD))
                .expectEvents(new ContactPersonalDataErased(ACCOUNT_ID, C1, REQUEST, null))
                .expectResultMessagePayload(3L);

        assertThat(keys.erased(JEANNE_SUBJECT)).isTrue();
        assertThat(keys.erased(new DataSubject(DataSubjectKind.CONTACT, C2))).isFalse();
    }

    @Test
    void aContactConvertedFromALeadNamesItSoThatItIsErasedToo() {
        fixture.given(with(withContacts(), new ContactAdded(ACCOUNT_ID, "contact-9", PAUL, LEAD)))
                .when(new EraseContactPersonalData(ACCOUNT_ID, "contact-9", REQUEST), as(ADMIN))
                .expectEvents(new ContactPersonalDataErased(ACCOUNT_ID, "contact-9", REQUEST, LEAD));
    }

    @Test
    void erasingAgainChangesNothing() {
        keys.erase(JEANNE_SUBJECT);

        fixture.given(with(withContacts(), new ContactPersonalDataErased(ACCOUNT_ID, C1, REQUEST, null)))
                .when(new EraseContactPersonalData(ACCOUNT_ID, C1, REQUEST), as(STEWARD))
                .expectNoEvents();
    }

    @Test
    void anUnknownContactIsNotFound() {
        fixture.given(withContacts())
                .when(new EraseContactPersonalData(ACCOUNT_ID, "contact-404", REQUEST), as(STEWARD))
                .expectException(notFound("contact-404"));
    }

    @ParameterizedTest
    @ValueSource(strings = {REP, MANAGER, ANALYST, AUDITOR})
    void onlyDataStewardsAndAdministratorsErase(String actor) {
        fixture.given(withContacts())
                .when(new EraseContactPersonalData(ACCOUNT_ID, C1, REQUEST), as(actor))
                .expectException(forbidden());

        assertThat(keys.erased(JEANNE_SUBJECT)).isFalse();
    }

    @Test
    void anErasedContactIsNotGivenDetailsAgain() {
        keys.erase(JEANNE_SUBJECT);

        fixture.given(with(withContacts(), new ContactPersonalDataErased(ACCOUNT_ID, C1, REQUEST, null)))
                .when(new UpdateContact(ACCOUNT_ID, C1, JEANNE, null), as(REP))
                .expectException(conflict("details", "personal-data-erased"));
    }

    @Test
    void anErasedContactStillMovesWithItsAccountsMerge() {
        keys.erase(JEANNE_SUBJECT);
        ContactDetails nothing = new ContactDetails(null, null, null, List.of(), List.of(), null, null, null);

        fixture.given(with(withContacts(), new ContactPersonalDataErased(ACCOUNT_ID, C1, REQUEST, null)))
                .when(new MergeAccountInto(ACCOUNT_ID, "account-8", null), as(REP))
                .expectEvents(new AccountMergedInto(ACCOUNT_ID, "account-8", List.of(
                        new ContactTransfer(C1, nothing, null, List.of()), new ContactTransfer(C2, PAUL, null, List.of())),
                        List.of(), COMPLETE, AccountStatus.PROSPECT, null));
    }
}
