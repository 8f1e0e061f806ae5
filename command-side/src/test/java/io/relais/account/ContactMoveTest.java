package io.relais.account;

import io.relais.common.FieldChange;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.relais.account.AccountFixtures.ACCOUNT_ID;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.account.AccountFixtures.C1;
import static io.relais.account.AccountFixtures.C2;
import static io.relais.account.AccountFixtures.C3;
import static io.relais.account.AccountFixtures.COMPLETE;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.account.AccountFixtures.JEANNE;
import static io.relais.account.AccountFixtures.LEA;
import static io.relais.account.AccountFixtures.LEAD;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.account.AccountFixtures.OTHER_LEAD;
import static io.relais.organisation.TestOrganisation.OTHER_MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.account.AccountFixtures.OWNER;
import static io.relais.account.AccountFixtures.PAUL;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.account.AccountFixtures.REP_1;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.account.AccountFixtures.SYSTEM;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static io.relais.account.AccountFixtures.accountFixture;
import static io.relais.common.CommandFixtures.as;
import static io.relais.account.AccountFixtures.knownAccount;
import static io.relais.account.AccountFixtures.conflict;
import static io.relais.account.AccountFixtures.created;
import static io.relais.account.AccountFixtures.forbidden;
import static io.relais.account.AccountFixtures.invalidField;
import static io.relais.account.AccountFixtures.invalidTransition;
import static io.relais.account.AccountFixtures.notFound;
import static io.relais.account.AccountFixtures.with;
import static io.relais.account.AccountFixtures.withContacts;
import static io.relais.common.RefusalMatchers.staleVersion;

/**
 * {@link MoveContact} and {@link ReceiveContact}: a contact leaves its account with everything it holds (details,
 * the lead it came from, its links) and the transfer process makes the other account take it in, once.
 */
class ContactMoveTest {

    private static final String TARGET = "account-8";
    private static final String FROM = "account-3";
    private static final String SURVIVOR = "account-1";

    private static final ContactLink COLLEAGUE_OF_PAUL = new ContactLink(C2, ContactLinkKind.COLLEAGUE);
    private static final ContactLink REFERRED_FROM_ELSEWHERE =
            new ContactLink("contact-elsewhere", ContactLinkKind.REFERRED_BY);

    /** Jeanne as she leaves the account of {@link #movableContacts()}: converted from a lead, linked twice. */
    private static final ContactTransfer JEANNE_MOVING = new ContactTransfer(C1, JEANNE, LEAD,
            List.of(COLLEAGUE_OF_PAUL, REFERRED_FROM_ELSEWHERE));
    private static final ContactTransfer PAUL_MOVING = new ContactTransfer(C2, PAUL, null, List.of());
    /** A contact arriving from {@link #FROM}, converted from another lead and linked to a contact there. */
    private static final ContactTransfer LEA_ARRIVING = new ContactTransfer(C3, LEA, OTHER_LEAD,
            List.of(new ContactLink("contact-31", ContactLinkKind.REPORTS_TO)));

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture();
    }

    /**
     * A prospect of OWNER with Jeanne ({@link #C1}, made from {@link AccountFixtures#LEAD}, linked to Paul and to a
     * contact of another account) and Paul ({@link #C2}); at version 4.
     */
    private static List<Object> movableContacts() {
        return List.of(created(COMPLETE),
                new ContactAdded(ACCOUNT_ID, C1, JEANNE, LEAD),
                new ContactAdded(ACCOUNT_ID, C2, PAUL),
                new ContactsLinked(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE),
                new ContactsLinked(ACCOUNT_ID, C1, "contact-elsewhere", ContactLinkKind.REFERRED_BY));
    }

    /** {@code history} ended by a merge into {@link #SURVIVOR}. */
    private static List<Object> merged(List<Object> history) {
        return with(history, new AccountMergedInto(ACCOUNT_ID, SURVIVOR, List.of(), List.of(), COMPLETE,
                AccountStatus.PROSPECT, null));
    }

    // ---------------------------------------------------------------------------------------------------------
    // MoveContact
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Move {

        @Test
        void sendsTheContactAwayWithItsDetailsLeadAndLinks() {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, JEANNE_MOVING))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void sendsAContactWithoutLeadOrLinksWithEmptyLinks() {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C2, TARGET, null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, PAUL_MOVING));
        }

        @Test
        void sendsTheContactsLatestDetails() {
            ContactDetails promoted = new ContactDetails("Paul", "Durand", "CEO", null, null, null,
                    DecisionRole.DECISION_MAKER, null);

            fixture.given(with(movableContacts(), new ContactUpdated(ACCOUNT_ID, C2, promoted, List.of(
                            new FieldChange("jobTitle", null, "CEO"),
                            new FieldChange("decisionRole", null, "DECISION_MAKER")))))
                    .when(new MoveContact(ACCOUNT_ID, C2, TARGET, null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET,
                            new ContactTransfer(C2, promoted, null, List.of())));
        }

        @Test
        void sendsAContactThatArrivedEarlierWithWhatItBroughtAndWhatItGainedHere() {
            ContactTransfer leaving = new ContactTransfer(C3, LEA, OTHER_LEAD, List.of(
                    new ContactLink("contact-31", ContactLinkKind.REPORTS_TO),
                    new ContactLink(C1, ContactLinkKind.FAMILY)));

            fixture.given(with(movableContacts(), new ContactMovedIn(ACCOUNT_ID, FROM, LEA_ARRIVING),
                            new ContactsLinked(ACCOUNT_ID, C3, C1, ContactLinkKind.FAMILY)))
                    .when(new MoveContact(ACCOUNT_ID, C3, TARGET, null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, leaving))
                    .expectResultMessagePayload(7L);
        }

        @Test
        void trimsTheTargetAccountId() {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C2, "  account-8 ", null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, PAUL_MOVING));
        }

        @Test
        void sendsTheContactBackToTheAccountItCameFrom() {
            fixture.given(with(movableContacts(), new ContactMovedIn(ACCOUNT_ID, FROM, LEA_ARRIVING)))
                    .when(new MoveContact(ACCOUNT_ID, C3, FROM, null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, FROM, LEA_ARRIVING));
        }

        @Test
        void refusesAnUnknownContact() {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, "contact-9", TARGET, null))
                    .expectNoEvents()
                    .expectException(notFound("contact-9"));
        }

        @Test
        void refusesAMissingContactId() {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, null, TARGET, null))
                    .expectNoEvents()
                    .expectException(notFound("null"));
        }

        @Test
        void refusesAnUnknownContactBeforeLookingAtTheTarget() {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, "contact-9", "not an id!", null))
                    .expectNoEvents()
                    .expectException(notFound("contact-9"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void refusesAMissingTarget(String toAccountId) {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, toAccountId, null))
                    .expectNoEvents()
                    .expectException(invalidField("toAccountId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"account 8", "account/8", "account#8", "compte-é"})
        void refusesAnInvalidTarget(String toAccountId) {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, toAccountId, null))
                    .expectNoEvents()
                    .expectException(invalidField("toAccountId", "invalid-identifier"));
        }

        @ParameterizedTest
        @ValueSource(strings = {ACCOUNT_ID, " account-7 "})
        void refusesMovingIntoTheSameAccount(String toAccountId) {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, toAccountId, null))
                    .expectNoEvents()
                    .expectException(invalidField("toAccountId", "same-account"));
        }

        @Test
        void refusesATargetThatIsMerged() {
            fixture = accountFixture(knownAccount(TARGET, AccountStatus.MERGED, null));

            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C2, TARGET, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED))
                    .expectExceptionMessage("Cannot move a contact into an account when the status is MERGED");
        }

        @ParameterizedTest
        @EnumSource(value = AccountStatus.class, names = "MERGED", mode = EnumSource.Mode.EXCLUDE)
        void acceptsALiveTarget(AccountStatus status) {
            fixture = accountFixture(knownAccount(TARGET, status, null));

            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C2, TARGET, null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, PAUL_MOVING));
        }

        @Test
        void acceptsTheCurrentVersionAndAnswersTheNewOne() {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, 4L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, JEANNE_MOVING))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, 3L))
                    .expectNoEvents()
                    .expectException(staleVersion(3, 4));
        }

        @Test
        void refusesAVersionAheadOfTheAccount() {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, 9L))
                    .expectNoEvents()
                    .expectException(staleVersion(9, 4));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, SYSTEM})
        void isAllowedToWhoeverMayChangeTheAccount(String actor) {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, null), as(actor))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, JEANNE_MOVING));
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, REP_1, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER})
        void answersNotFoundToWhoeverCannotSeeTheAccount(String actor) {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, null), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesReadOnlyProfiles(String actor) {
            fixture.given(movableContacts())
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void answersNotFoundToARepForAnUnassignedAccount() {
            fixture.given(new AccountCreated(ACCOUNT_ID, COMPLETE, null), new ContactAdded(ACCOUNT_ID, C1, JEANNE))
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, null), as(OWNER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, ADMIN, SYSTEM})
        void refusesAMergedAccount(String actor) {
            fixture.given(merged(movableContacts()))
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, null), as(actor))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED))
                    .expectExceptionMessage("Cannot move a contact when the status is MERGED");
        }

        @Test
        void answersNotFoundRatherThanMergedToWhoeverCannotSeeTheAccount() {
            fixture.given(merged(movableContacts()))
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, null), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }
    }

    /** Once moved out, the contact is no longer the account's: commands naming it find nothing. */
    @Nested
    class AfterAMove {

        private List<Object> jeanneMovedOut() {
            return with(movableContacts(), new ContactMovedOut(ACCOUNT_ID, TARGET, JEANNE_MOVING));
        }

        @Test
        void refusesUpdatingTheContact() {
            fixture.given(jeanneMovedOut())
                    .when(new UpdateContact(ACCOUNT_ID, C1, PAUL, null))
                    .expectNoEvents()
                    .expectException(notFound(C1));
        }

        @Test
        void refusesMovingTheContactAgain() {
            fixture.given(jeanneMovedOut())
                    .when(new MoveContact(ACCOUNT_ID, C1, "account-9", null))
                    .expectNoEvents()
                    .expectException(notFound(C1));
        }

        @Test
        void refusesLinkingTheContact() {
            fixture.given(jeanneMovedOut())
                    .when(new LinkContacts(ACCOUNT_ID, C1, C2, ContactLinkKind.FAMILY))
                    .expectNoEvents()
                    .expectException(notFound(C1));
        }

        @Test
        void refusesAttachingALeadToTheContact() {
            fixture.given(jeanneMovedOut())
                    .when(new AttachConvertedLead(ACCOUNT_ID, OTHER_LEAD, C1))
                    .expectNoEvents()
                    .expectException(notFound(C1));
        }

        @Test
        void keepsTheOtherContacts() {
            fixture.given(jeanneMovedOut())
                    .when(new MoveContact(ACCOUNT_ID, C2, TARGET, null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, PAUL_MOVING))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void letsTheContactBeReceivedBack() {
            fixture.given(jeanneMovedOut())
                    .when(new ReceiveContact(ACCOUNT_ID, TARGET, JEANNE_MOVING), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContactMovedIn(ACCOUNT_ID, TARGET, JEANNE_MOVING))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void aContactReceivedBackHasItsLeadAndLinksAgain() {
            fixture.given(with(jeanneMovedOut(), new ContactMovedIn(ACCOUNT_ID, TARGET, JEANNE_MOVING)))
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, JEANNE_MOVING))
                    .expectResultMessagePayload(7L);
        }

        @Test
        void aContactReceivedBackWithoutItsLinksHasNone() {
            ContactTransfer bare = new ContactTransfer(C1, JEANNE, null, null);

            fixture.given(with(jeanneMovedOut(), new ContactMovedIn(ACCOUNT_ID, TARGET, bare)))
                    .when(new MoveContact(ACCOUNT_ID, C1, TARGET, null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, TARGET, new ContactTransfer(C1, JEANNE, null,
                            List.of())));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ReceiveContact
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Receive {

        @Test
        void takesInTheContactWithEverythingItBrings() {
            fixture.given(withContacts())
                    .when(new ReceiveContact(ACCOUNT_ID, FROM, LEA_ARRIVING), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContactMovedIn(ACCOUNT_ID, FROM, LEA_ARRIVING))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void takesInAContactIntoAnAccountWithoutContacts() {
            fixture.given(created(COMPLETE))
                    .when(new ReceiveContact(ACCOUNT_ID, FROM, PAUL_MOVING), as("system:anything"))
                    .expectEvents(new ContactMovedIn(ACCOUNT_ID, FROM, PAUL_MOVING))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void theContactTakenInCanThenBeUpdated() {
            ContactDetails updated = new ContactDetails("Léa", "Fontaine", "CEO", List.of("lea@example.fr"), null,
                    null, DecisionRole.DECISION_MAKER, null);

            fixture.given(with(withContacts(), new ContactMovedIn(ACCOUNT_ID, FROM, LEA_ARRIVING)))
                    .when(new UpdateContact(ACCOUNT_ID, C3, updated, null))
                    .expectEvents(new ContactUpdated(ACCOUNT_ID, C3, updated,
                            List.of(new FieldChange("jobTitle", "CFO", "CEO"))))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void theContactTakenInCannotBeAddedAgain() {
            fixture.given(with(withContacts(), new ContactMovedIn(ACCOUNT_ID, FROM, LEA_ARRIVING)))
                    .when(new AddContact(ACCOUNT_ID, C3, LEA))
                    .expectNoEvents()
                    .expectException(conflict("contactId", "contact-exists"));
        }

        @Test
        void emitsNothingWhenTheContactArrivesTwice() {
            fixture.given(with(withContacts(), new ContactMovedIn(ACCOUNT_ID, FROM, LEA_ARRIVING)))
                    .when(new ReceiveContact(ACCOUNT_ID, FROM, LEA_ARRIVING), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void emitsNothingForAContactIdTheAccountHasAlreadyWhateverItBrings() {
            fixture.given(withContacts())
                    .when(new ReceiveContact(ACCOUNT_ID, FROM, new ContactTransfer(C1, LEA, OTHER_LEAD, List.of())),
                            as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, STEWARD, AUDITOR, PEER, UNKNOWN, "system"})
        void refusesAnyoneButTheSystem(String actor) {
            fixture.given(withContacts())
                    .when(new ReceiveContact(ACCOUNT_ID, FROM, LEA_ARRIVING), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesAMergedAccount() {
            fixture.given(merged(withContacts()))
                    .when(new ReceiveContact(ACCOUNT_ID, FROM, LEA_ARRIVING), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED))
                    .expectExceptionMessage("Cannot receive a contact when the status is MERGED");
        }

        @Test
        void refusesAMergedAccountEvenForAContactItHasAlready() {
            fixture.given(merged(withContacts()))
                    .when(new ReceiveContact(ACCOUNT_ID, FROM, new ContactTransfer(C1, JEANNE, null, List.of())),
                            as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED));
        }
    }
}
