package io.relais.account;

import io.relais.common.FieldChange;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.relais.account.AccountFixtures.ACCOUNT_ID;
import static io.relais.account.AccountFixtures.BILLING;
import static io.relais.account.AccountFixtures.BILLING_TEXT;
import static io.relais.account.AccountFixtures.C1;
import static io.relais.account.AccountFixtures.C2;
import static io.relais.account.AccountFixtures.C3;
import static io.relais.account.AccountFixtures.C4;
import static io.relais.account.AccountFixtures.COMPLETE;
import static io.relais.account.AccountFixtures.ERP_ID;
import static io.relais.account.AccountFixtures.JEANNE;
import static io.relais.account.AccountFixtures.LEA;
import static io.relais.account.AccountFixtures.LEAD;
import static io.relais.account.AccountFixtures.NAMED;
import static io.relais.account.AccountFixtures.OTHER_ERP_ID;
import static io.relais.account.AccountFixtures.OTHER_LEAD;
import static io.relais.account.AccountFixtures.OTHER_SIREN;
import static io.relais.account.AccountFixtures.OTHER_SIRET;
import static io.relais.account.AccountFixtures.OWNER;
import static io.relais.account.AccountFixtures.PAUL;
import static io.relais.account.AccountFixtures.REP_1;
import static io.relais.account.AccountFixtures.SIREN;
import static io.relais.account.AccountFixtures.SIRET;
import static io.relais.account.AccountFixtures.SYSTEM;
import static io.relais.account.AccountFixtures.accountFixture;
import static io.relais.account.AccountFixtures.conflict;
import static io.relais.account.AccountFixtures.created;
import static io.relais.account.AccountFixtures.customer;
import static io.relais.account.AccountFixtures.details;
import static io.relais.account.AccountFixtures.forbidden;
import static io.relais.account.AccountFixtures.invalidField;
import static io.relais.account.AccountFixtures.invalidTransition;
import static io.relais.account.AccountFixtures.knownAccount;
import static io.relais.account.AccountFixtures.linkedCustomer;
import static io.relais.account.AccountFixtures.notFound;
import static io.relais.account.AccountFixtures.with;
import static io.relais.account.AccountFixtures.withContacts;
import static io.relais.common.CommandFixtures.as;
import static io.relais.common.RefusalMatchers.staleVersion;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.organisation.TestOrganisation.UNKNOWN;

/**
 * Merging duplicate accounts: the duplicate ends with {@link AccountMergedInto}, carrying all the survivor takes
 * over; the survivor absorbs it ({@link AbsorbMergedAccount}); a pair found not to be duplicates is dismissed.
 * The account under test is {@link AccountFixtures#ACCOUNT_ID}: the duplicate when it is merged, the survivor
 * when it absorbs.
 */
class AccountMergeTest {

    /** The account {@link AccountFixtures#ACCOUNT_ID} is merged into. */
    private static final String SURVIVOR_ID = "account-1";
    /** The duplicate {@link AccountFixtures#ACCOUNT_ID} absorbs. */
    private static final String DUPLICATE_ID = "account-9";
    private static final String OTHER_ID = "account-2";

    private static final ContactLink COLLEAGUE_OF_PAUL = new ContactLink(C2, ContactLinkKind.COLLEAGUE);
    private static final ContactTransfer LEA_FROM_A_LEAD = new ContactTransfer(C3, LEA, OTHER_LEAD,
            List.of(new ContactLink("contact-31", ContactLinkKind.REPORTS_TO)));
    private static final ContactTransfer PAUL_ALONE = new ContactTransfer(C4, PAUL, null, List.of());

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture();
    }

    /**
     * A prospect of OWNER with Jeanne ({@link AccountFixtures#C1}, made from {@link AccountFixtures#LEAD}, which is
     * attached, and linked to Paul) and Paul ({@link AccountFixtures#C2}); at version 4.
     */
    private static List<Object> duplicate() {
        return List.of(created(COMPLETE),
                new ContactAdded(ACCOUNT_ID, C1, JEANNE, LEAD),
                new ContactAdded(ACCOUNT_ID, C2, PAUL),
                new ContactsLinked(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE),
                new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1));
    }

    /** What {@link #duplicate()} hands over when merged into {@link #SURVIVOR_ID}. */
    private static AccountMergedInto duplicateMerged() {
        return new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID, List.of(
                new ContactTransfer(C1, JEANNE, LEAD, List.of(COLLEAGUE_OF_PAUL)),
                new ContactTransfer(C2, PAUL, null, List.of())),
                List.of(LEAD), COMPLETE, AccountStatus.PROSPECT, null);
    }

    /** {@code history} ended by a merge into {@link #SURVIVOR_ID}. */
    private static List<Object> merged(List<Object> history) {
        return with(history, new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID, List.of(), List.of(), COMPLETE,
                AccountStatus.PROSPECT, null));
    }

    /** The survivor {@link AccountFixtures#ACCOUNT_ID} takes over the duplicate {@link #DUPLICATE_ID}. */
    private static AbsorbMergedAccount absorb(List<ContactTransfer> contacts, List<String> convertedLeadIds,
                                              AccountDetails details, AccountStatus status, String erpId) {
        return new AbsorbMergedAccount(ACCOUNT_ID, DUPLICATE_ID, contacts, convertedLeadIds, details, status, erpId);
    }

    /** A prospect duplicate without contacts or leads, with {@code details}. */
    private static AbsorbMergedAccount absorbProspect(AccountDetails details) {
        return absorb(List.of(), List.of(), details, AccountStatus.PROSPECT, null);
    }

    private static MergedAccountAbsorbed absorbed(List<String> contactIds, List<String> convertedLeadIds) {
        return new MergedAccountAbsorbed(ACCOUNT_ID, DUPLICATE_ID, contactIds, convertedLeadIds);
    }

    // ---------------------------------------------------------------------------------------------------------
    // MergeAccountInto
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Merge {

        @Test
        void endsTheDuplicateHandingOverContactsLeadsDetailsAndStatus() {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(duplicateMerged())
                    .expectResultMessagePayload(5L);
        }

        @Test
        void handsOverTheLatestDetailsTheCustomerStatusAndTheErpLink() {
            AccountDetails updated = details().from(COMPLETE).tradeName("Acme Lyon").build();

            fixture.given(with(linkedCustomer(), new AccountDetailsUpdated(ACCOUNT_ID, updated,
                            List.of(new FieldChange("tradeName", "Acme", "Acme Lyon")))))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectEvents(new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID, List.of(), List.of(), updated,
                            AccountStatus.CUSTOMER, ERP_ID))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void handsOverACustomerNotYetLinkedWithoutErpId() {
            fixture.given(customer())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectEvents(new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID, List.of(), List.of(), COMPLETE,
                            AccountStatus.CUSTOMER, null));
        }

        @Test
        void handsOverAnAccountWithoutContactsOrLeads() {
            fixture.given(created(NAMED))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectEvents(new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID, List.of(), List.of(), NAMED,
                            AccountStatus.PROSPECT, null))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void handsOverWhatItAbsorbedFromAnEarlierDuplicate() {
            fixture.given(created(COMPLETE),
                            new ContactAdded(ACCOUNT_ID, C1, JEANNE, LEAD),
                            new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1),
                            new ContactMovedIn(ACCOUNT_ID, DUPLICATE_ID, LEA_FROM_A_LEAD),
                            new MergedAccountAbsorbed(ACCOUNT_ID, DUPLICATE_ID, List.of(C3),
                                    List.of(OTHER_LEAD, "lead-44")))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectEvents(new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID, List.of(
                            new ContactTransfer(C1, JEANNE, LEAD, List.of()), LEA_FROM_A_LEAD),
                            List.of(LEAD, OTHER_LEAD, "lead-44"), COMPLETE, AccountStatus.PROSPECT, null))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void namesALeadOnceWhetherAttachedOrAbsorbed() {
            fixture.given(created(COMPLETE),
                            new ContactAdded(ACCOUNT_ID, C1, JEANNE, LEAD),
                            new LeadConvertedIntoAccount(ACCOUNT_ID, LEAD, C1),
                            new MergedAccountAbsorbed(ACCOUNT_ID, DUPLICATE_ID, List.of(), List.of(OTHER_LEAD, LEAD)))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectEvents(new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID,
                            List.of(new ContactTransfer(C1, JEANNE, LEAD, List.of())),
                            List.of(LEAD, OTHER_LEAD), COMPLETE, AccountStatus.PROSPECT, null));
        }

        @Test
        void leavesOutTheContactsThatMovedAway() {
            fixture.given(with(duplicate(), new ContactMovedOut(ACCOUNT_ID, "account-8",
                            new ContactTransfer(C1, JEANNE, LEAD, List.of(COLLEAGUE_OF_PAUL)))))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectEvents(new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID,
                            List.of(new ContactTransfer(C2, PAUL, null, List.of())), List.of(LEAD), COMPLETE,
                            AccountStatus.PROSPECT, null));
        }

        @Test
        void trimsTheSurvivorId() {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, "  account-1 ", null))
                    .expectEvents(duplicateMerged());
        }

        @ParameterizedTest
        @ValueSource(strings = {SURVIVOR_ID, " account-1 "})
        void emitsNothingWhenMergedIntoTheSameSurvivorAgain(String survivorId) {
            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(new MergeAccountInto(ACCOUNT_ID, survivorId, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(5L);
        }

        @Test
        void emitsNothingWhenADataStewardRetriesTheMerge() {
            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null), as(STEWARD))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesASurvivorThatIsItselfMerged() {
            fixture = accountFixture(knownAccount(SURVIVOR_ID, AccountStatus.MERGED, null));

            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED))
                    .expectExceptionMessage("Cannot merge into an account when the status is MERGED");
        }

        @Test
        void refusesAccountsLinkedToTwoErpRecords() {
            fixture = accountFixture(knownAccount(SURVIVOR_ID, AccountStatus.CUSTOMER, OTHER_ERP_ID));

            fixture.given(linkedCustomer())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectNoEvents()
                    .expectException(conflict("duplicateId", "erp-records-differ"))
                    .expectExceptionMessage("The accounts are linked to two ERP records (" + OTHER_ERP_ID + ", "
                            + ERP_ID + "): merge them in the ERP first");
        }

        @ParameterizedTest
        @ValueSource(strings = {ERP_ID, ""})
        void mergesAccountsLinkedToTheSameErpRecordOrOnlyOneLinked(String survivorErpId) {
            fixture = accountFixture(knownAccount(SURVIVOR_ID, AccountStatus.CUSTOMER,
                    survivorErpId.isEmpty() ? null : survivorErpId));

            fixture.given(linkedCustomer())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID, List.of(), List.of(), COMPLETE,
                            AccountStatus.CUSTOMER, ERP_ID));
        }

        @Test
        void mergesAnUnlinkedDuplicateIntoALinkedSurvivor() {
            fixture = accountFixture(knownAccount(SURVIVOR_ID, AccountStatus.CUSTOMER, OTHER_ERP_ID));

            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectEvents(duplicateMerged());
        }

        @Test
        void answersARetryEvenOnceTheSurvivorIsMergedOnward() {
            fixture = accountFixture(knownAccount(SURVIVOR_ID, AccountStatus.MERGED, null));

            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesMergingIntoAnotherSurvivorOnceMerged() {
            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(new MergeAccountInto(ACCOUNT_ID, OTHER_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED))
                    .expectExceptionMessage("Cannot merge an account when the status is MERGED");
        }

        @ParameterizedTest
        @ValueSource(strings = {ACCOUNT_ID, " account-7 "})
        void refusesMergingTheAccountIntoItself(String survivorId) {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, survivorId, null))
                    .expectNoEvents()
                    .expectException(invalidField("survivorId", "same-record"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingSurvivor(String survivorId) {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, survivorId, null))
                    .expectNoEvents()
                    .expectException(invalidField("survivorId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"account 1", "account/1", "account#1"})
        void refusesAnInvalidSurvivorId(String survivorId) {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, survivorId, null))
                    .expectNoEvents()
                    .expectException(invalidField("survivorId", "invalid-identifier"));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, STEWARD, SYSTEM})
        void isAllowedToWhoeverMayChangeTheAccountAndToDataStewards(String actor) {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(duplicateMerged());
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, REP_1, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER})
        void answersNotFoundToWhoeverCannotSeeTheAccount(String actor) {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST})
        void refusesProfilesThatOnlyRead(String actor) {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, UNKNOWN})
        void answersNotFoundToARetryByWhoeverCannotSeeTheAccount(String actor) {
            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void refusesARetryByAReadOnlyProfile() {
            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {STEWARD, ADMIN})
        void letsDataStewardsAndAdministratorsMergeAnUnassignedAccount(String actor) {
            fixture.given(new AccountCreated(ACCOUNT_ID, NAMED, null))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null), as(actor))
                    .expectEvents(new AccountMergedInto(ACCOUNT_ID, SURVIVOR_ID, List.of(), List.of(), NAMED,
                            AccountStatus.PROSPECT, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER})
        void answersNotFoundToSalesUsersForAnUnassignedAccount(String actor) {
            fixture.given(new AccountCreated(ACCOUNT_ID, NAMED, null))
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, null), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void acceptsTheCurrentVersionAndAnswersTheNewOne() {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, 4L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(duplicateMerged())
                    .expectResultMessagePayload(5L);
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(duplicate())
                    .when(new MergeAccountInto(ACCOUNT_ID, SURVIVOR_ID, 3L))
                    .expectNoEvents()
                    .expectException(staleVersion(3, 4));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // A merged account refuses every change
    // ---------------------------------------------------------------------------------------------------------

    /** Every command an account handles (but its creation), with an actor who may send it and its action. */
    static Stream<Arguments> commandsOnAMergedAccount() {
        return Stream.of(
                Arguments.of("UpdateAccountDetails", OWNER, "update an account",
                        new UpdateAccountDetails(ACCOUNT_ID, details().tradeName("Acme Lyon").build(),
                                Set.of(AccountField.TRADE_NAME), null)),
                Arguments.of("SyncAccountFromErp", STEWARD, "sync an account from the ERP",
                        new SyncAccountFromErp(ACCOUNT_ID, COMPLETE, Set.of(AccountField.LEGAL_NAME))),
                Arguments.of("FillAccountFromRegister", STEWARD, "fill an account from a register",
                        new FillAccountFromRegister(ACCOUNT_ID, "SIRENE", SIRET, COMPLETE,
                                Set.of(AccountField.NAF_CODE), null)),
                Arguments.of("AssignAccountOwner", MANAGER, "reassign an account",
                        new AssignAccountOwner(ACCOUNT_ID, REP_1, null)),
                Arguments.of("PromoteAccountToCustomer", OWNER, "make a customer of an account",
                        new PromoteAccountToCustomer(ACCOUNT_ID, null)),
                Arguments.of("LinkAccountToErp", STEWARD, "link an account to the ERP",
                        new LinkAccountToErp(ACCOUNT_ID, ERP_ID, null)),
                Arguments.of("AddContact", OWNER, "add a contact", new AddContact(ACCOUNT_ID, C3, LEA)),
                Arguments.of("UpdateContact", OWNER, "update a contact", new UpdateContact(ACCOUNT_ID, C1, PAUL, null)),
                Arguments.of("AttachConvertedLead", OWNER, "attach a converted lead",
                        new AttachConvertedLead(ACCOUNT_ID, OTHER_LEAD, C1)),
                Arguments.of("LinkContacts", OWNER, "link contacts",
                        new LinkContacts(ACCOUNT_ID, C2, C1, ContactLinkKind.FAMILY)),
                Arguments.of("MoveContact", OWNER, "move a contact",
                        new MoveContact(ACCOUNT_ID, C1, "account-8", null)),
                Arguments.of("ReceiveContact", SYSTEM, "receive a contact",
                        new ReceiveContact(ACCOUNT_ID, "account-3", LEA_FROM_A_LEAD)),
                Arguments.of("MergeAccountInto another survivor", OWNER, "merge an account",
                        new MergeAccountInto(ACCOUNT_ID, OTHER_ID, null)),
                Arguments.of("AbsorbMergedAccount", SYSTEM, "absorb a merged account",
                        absorb(List.of(PAUL_ALONE), List.of(), NAMED, AccountStatus.PROSPECT, null)),
                Arguments.of("DismissAccountDuplicate", STEWARD, "review an account's duplicates",
                        new DismissAccountDuplicate(ACCOUNT_ID, OTHER_ID)));
    }

    /** The commands of {@link #commandsOnAMergedAccount()} that users send (the others only the system sends). */
    static Stream<Arguments> userCommandsOnAMergedAccount() {
        return commandsOnAMergedAccount().filter(arguments -> !SYSTEM.equals(arguments.get()[1]));
    }

    @Nested
    class AfterTheMerge {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountMergeTest#commandsOnAMergedAccount")
        void refusesEveryChangeAsAnInvalidTransition(String name, String actor, String action, Object command) {
            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED))
                    .expectExceptionMessage("Cannot " + action + " when the status is MERGED");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountMergeTest#commandsOnAMergedAccount")
        void refusesEveryChangeEvenFromTheSystem(String name, String actor, String action, Object command) {
            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(command, as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountMergeTest#userCommandsOnAMergedAccount")
        void answersNotFoundRatherThanMergedToWhoeverCannotSeeTheAccount(String name, String actor, String action,
                                                                          Object command) {
            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(command, as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST})
        void tellsReadOnlyProfilesTheyMayNotChangeItBeforeThatItIsMerged(String actor) {
            fixture.given(with(duplicate(), duplicateMerged()))
                    .when(new UpdateAccountDetails(ACCOUNT_ID, details().tradeName("Acme").build(),
                            Set.of(AccountField.TRADE_NAME), null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesAnUpdateThatWouldChangeNothing() {
            fixture.given(merged(withContacts()))
                    .when(new UpdateAccountDetails(ACCOUNT_ID, COMPLETE, Set.of(AccountField.TRADE_NAME), null))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED));
        }

        @Test
        void refusesALinkThatExistsAlready() {
            fixture.given(merged(with(withContacts(),
                            new ContactsLinked(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE))))
                    .when(new LinkContacts(ACCOUNT_ID, C1, C2, ContactLinkKind.COLLEAGUE))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED));
        }

        @Test
        void refusesAMergedCustomerItsErpLinkAgain() {
            fixture.given(merged(linkedCustomer()))
                    .when(new LinkAccountToErp(ACCOUNT_ID, ERP_ID, null), as(STEWARD))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // AbsorbMergedAccount
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Absorb {

        @Test
        void movesEveryContactInThenRecordsTheAbsorptionLast() {
            fixture.given(created(COMPLETE))
                    .when(absorb(List.of(LEA_FROM_A_LEAD, PAUL_ALONE), List.of(OTHER_LEAD), NAMED,
                            AccountStatus.PROSPECT, null), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContactMovedIn(ACCOUNT_ID, DUPLICATE_ID, LEA_FROM_A_LEAD),
                            new ContactMovedIn(ACCOUNT_ID, DUPLICATE_ID, PAUL_ALONE),
                            absorbed(List.of(C3, C4), List.of(OTHER_LEAD)))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void absorbsADuplicateWithoutContactsOrLeads() {
            fixture.given(created(COMPLETE))
                    .when(absorbProspect(NAMED), as(SYSTEM))
                    .expectEvents(absorbed(List.of(), List.of()))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void skipsTheContactsTheSurvivorHasAlready() {
            fixture.given(withContacts())
                    .when(absorb(List.of(new ContactTransfer(C1, LEA, OTHER_LEAD, List.of()), LEA_FROM_A_LEAD),
                            List.of(LEAD), NAMED, AccountStatus.PROSPECT, null), as(SYSTEM))
                    .expectEvents(new ContactMovedIn(ACCOUNT_ID, DUPLICATE_ID, LEA_FROM_A_LEAD),
                            absorbed(List.of(C3), List.of(LEAD)))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void theContactsTakenInBelongToTheSurvivor() {
            fixture.given(created(COMPLETE), new ContactMovedIn(ACCOUNT_ID, DUPLICATE_ID, LEA_FROM_A_LEAD),
                            absorbed(List.of(C3), List.of(OTHER_LEAD)))
                    .when(new MoveContact(ACCOUNT_ID, C3, "account-8", null))
                    .expectEvents(new ContactMovedOut(ACCOUNT_ID, "account-8", LEA_FROM_A_LEAD));
        }

        @Test
        void fillsTheSurvivorsBlanksFromTheDuplicateKeepingItsOwnValues() {
            AccountDetails survivor = details().legalName("Acme SARL").tradeName("Acme").phone("+33 4 72 00 00 00")
                    .build();
            AccountDetails duplicate = details().legalName("ACME S.A.R.L.").tradeName("Acme Lyon")
                    .phone("04 78 00 00 00").website("acme.example.fr").headcount(120).paymentTerms("30 days net")
                    .ourShare("12.5").build();
            AccountDetails completed = details().from(survivor).website("acme.example.fr").headcount(120)
                    .paymentTerms("30 days net").ourShare("12.5").build();

            fixture.given(created(survivor))
                    .when(absorbProspect(duplicate), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, completed, List.of(
                                    new FieldChange("website", null, "acme.example.fr"),
                                    new FieldChange("headcount", null, "120"),
                                    new FieldChange("paymentTerms", null, "30 days net"),
                                    new FieldChange("ourShare", null, "12.5"))),
                            absorbed(List.of(), List.of()))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void fillsTheBlanksAfterTakingInTheContacts() {
            AccountDetails completed = details().from(NAMED).website("acme.example.fr").build();

            fixture.given(created(NAMED))
                    .when(absorb(List.of(PAUL_ALONE), List.of(), details().website("acme.example.fr").build(),
                            AccountStatus.PROSPECT, null), as(SYSTEM))
                    .expectEvents(new ContactMovedIn(ACCOUNT_ID, DUPLICATE_ID, PAUL_ALONE),
                            new AccountDetailsUpdated(ACCOUNT_ID, completed,
                                    List.of(new FieldChange("website", null, "acme.example.fr"))),
                            absorbed(List.of(C4), List.of()));
        }

        @Test
        void updatesNothingWhenTheDuplicateHasNothingToFill() {
            AccountDetails duplicate = details().legalName("Acme Lyon SARL").tradeName("Acme Lyon")
                    .phone("04 78 00 00 00").siren(OTHER_SIREN).siret(OTHER_SIRET).headcount(80).build();

            fixture.given(created(COMPLETE))
                    .when(absorbProspect(duplicate), as(SYSTEM))
                    .expectEvents(absorbed(List.of(), List.of()));
        }

        @Test
        void takesBothRegistrationNumbersWhenTheSurvivorHasNone() {
            AccountDetails completed = details().from(NAMED).siren(SIREN).siret(SIRET).build();

            fixture.given(created(NAMED))
                    .when(absorbProspect(details().siren(SIREN).siret(SIRET).build()), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, completed, List.of(
                                    new FieldChange("siren", null, SIREN),
                                    new FieldChange("siret", null, SIRET))),
                            absorbed(List.of(), List.of()));
        }

        @Test
        void doesNotTakeASiretOfAnotherCompanyThanTheSurvivorsSiren() {
            AccountDetails survivor = details().from(NAMED).siren(SIREN).build();
            AccountDetails duplicate = details().siren(OTHER_SIREN).siret(OTHER_SIRET).nafCode("46.51Z").build();
            AccountDetails completed = details().from(survivor).nafCode("46.51Z").build();

            fixture.given(created(survivor))
                    .when(absorbProspect(duplicate), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, completed,
                                    List.of(new FieldChange("nafCode", null, "46.51Z"))),
                            absorbed(List.of(), List.of()));
        }

        @Test
        void makesAProspectACustomerWhenTheCustomerDuplicateCompletesIt() {
            fixture.given(created(NAMED))
                    .when(absorb(List.of(), List.of(), COMPLETE, AccountStatus.CUSTOMER, null), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, COMPLETE, List.of(
                                    new FieldChange("tradeName", null, "Acme"),
                                    new FieldChange("billingAddress", null, BILLING_TEXT),
                                    new FieldChange("phone", null, "+33 4 72 00 00 00"),
                                    new FieldChange("siren", null, SIREN),
                                    new FieldChange("siret", null, SIRET),
                                    new FieldChange("nafCode", null, "62.01Z"),
                                    new FieldChange("headcount", null, "120"),
                                    new FieldChange("paymentTerms", null, "30 days net"),
                                    new FieldChange("creditLimit", null, "50000"))),
                            new AccountPromotedToCustomer(ACCOUNT_ID),
                            absorbed(List.of(), List.of()))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void makesACompleteProspectACustomerWhenTheDuplicateIsOne() {
            fixture.given(created(COMPLETE))
                    .when(absorb(List.of(), List.of(), COMPLETE, AccountStatus.CUSTOMER, null), as(SYSTEM))
                    .expectEvents(new AccountPromotedToCustomer(ACCOUNT_ID), absorbed(List.of(), List.of()));
        }

        @Test
        void leavesAProspectAProspectWhenStillIncompleteForTheErp() {
            AccountDetails withoutTerms = details().from(COMPLETE).paymentTerms(null).build();

            fixture.given(created(NAMED))
                    .when(absorb(List.of(), List.of(), withoutTerms, AccountStatus.CUSTOMER, null), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, withoutTerms, List.of(
                                    new FieldChange("tradeName", null, "Acme"),
                                    new FieldChange("billingAddress", null, BILLING_TEXT),
                                    new FieldChange("phone", null, "+33 4 72 00 00 00"),
                                    new FieldChange("siren", null, SIREN),
                                    new FieldChange("siret", null, SIRET),
                                    new FieldChange("nafCode", null, "62.01Z"),
                                    new FieldChange("headcount", null, "120"),
                                    new FieldChange("creditLimit", null, "50000"))),
                            absorbed(List.of(), List.of()));
        }

        @Test
        void leavesAProspectAProspectWhenTheDuplicateIsAProspect() {
            fixture.given(created(COMPLETE))
                    .when(absorbProspect(COMPLETE), as(SYSTEM))
                    .expectEvents(absorbed(List.of(), List.of()));
        }

        @Test
        void doesNotPromoteACustomerAgain() {
            fixture.given(customer())
                    .when(absorb(List.of(), List.of(), COMPLETE, AccountStatus.CUSTOMER, null), as(SYSTEM))
                    .expectEvents(absorbed(List.of(), List.of()))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void takesTheErpFieldsStatusAndLinkOfALinkedDuplicate() {
            Address elsewhere = new Address("5 place Bellecour", "69002", "Lyon", "FR");
            AccountDetails survivor = details().legalName("Acme Lyon SARL").tradeName("Acme Lyon")
                    .billingAddress(elsewhere).website("acme.example.fr").paymentTerms("45 days").build();
            AccountDetails completed = details().legalName("Acme SARL").tradeName("Acme Lyon").billingAddress(BILLING)
                    .phone("+33 4 72 00 00 00").website("acme.example.fr").siren(SIREN).siret(SIRET)
                    .nafCode("62.01Z").headcount(120).paymentTerms("30 days net").creditLimit("50000").build();

            fixture.given(created(survivor))
                    .when(absorb(List.of(), List.of(), COMPLETE, AccountStatus.CUSTOMER, ERP_ID), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, completed, List.of(
                                    new FieldChange("legalName", "Acme Lyon SARL", "Acme SARL"),
                                    new FieldChange("billingAddress", "5 place Bellecour, 69002 Lyon, FR",
                                            BILLING_TEXT),
                                    new FieldChange("phone", null, "+33 4 72 00 00 00"),
                                    new FieldChange("siren", null, SIREN),
                                    new FieldChange("siret", null, SIRET),
                                    new FieldChange("nafCode", null, "62.01Z"),
                                    new FieldChange("headcount", null, "120"),
                                    new FieldChange("paymentTerms", "45 days", "30 days net"),
                                    new FieldChange("creditLimit", null, "50000"))),
                            new AccountPromotedToCustomer(ACCOUNT_ID),
                            new AccountLinkedToErp(ACCOUNT_ID, ERP_ID),
                            absorbed(List.of(), List.of()))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void linksACustomerNotYetLinkedToTheErpRecordOfItsDuplicate() {
            AccountDetails survivor = details().from(COMPLETE).paymentTerms("45 days").creditLimit("20000").build();

            fixture.given(created(survivor), new AccountPromotedToCustomer(ACCOUNT_ID))
                    .when(absorb(List.of(), List.of(), COMPLETE, AccountStatus.CUSTOMER, ERP_ID), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, COMPLETE, List.of(
                                    new FieldChange("paymentTerms", "45 days", "30 days net"),
                                    new FieldChange("creditLimit", "20000", "50000"))),
                            new AccountLinkedToErp(ACCOUNT_ID, ERP_ID),
                            absorbed(List.of(), List.of()))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void makesAProspectTheErpCustomerOfItsLinkedDuplicateEvenWhereTheErpLeftFieldsEmpty() {
            // the ERP left the duplicate's payment terms empty: the ERP still knows it as a customer
            AccountDetails erpRecord = details().from(COMPLETE).paymentTerms(null).build();

            fixture.given(created(NAMED))
                    .when(absorb(List.of(), List.of(), erpRecord, AccountStatus.CUSTOMER, ERP_ID), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, erpRecord, List.of(
                                    new FieldChange("tradeName", null, "Acme"),
                                    new FieldChange("billingAddress", null, BILLING_TEXT),
                                    new FieldChange("phone", null, "+33 4 72 00 00 00"),
                                    new FieldChange("siren", null, SIREN),
                                    new FieldChange("siret", null, SIRET),
                                    new FieldChange("nafCode", null, "62.01Z"),
                                    new FieldChange("headcount", null, "120"),
                                    new FieldChange("creditLimit", null, "50000"))),
                            new AccountPromotedToCustomer(ACCOUNT_ID),
                            new AccountLinkedToErp(ACCOUNT_ID, ERP_ID),
                            absorbed(List.of(), List.of()));
        }

        @Test
        void keepsItsOwnErpFieldValuesWhereTheLinkedDuplicateHasNone() {
            AccountDetails survivor = details().from(NAMED).paymentTerms("60 days").build();
            AccountDetails erpRecord = details().from(COMPLETE).paymentTerms(null).build();
            AccountDetails completed = details().from(erpRecord).paymentTerms("60 days").build();

            fixture.given(created(survivor))
                    .when(absorb(List.of(), List.of(), erpRecord, AccountStatus.CUSTOMER, ERP_ID), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, completed, List.of(
                                    new FieldChange("tradeName", null, "Acme"),
                                    new FieldChange("billingAddress", null, BILLING_TEXT),
                                    new FieldChange("phone", null, "+33 4 72 00 00 00"),
                                    new FieldChange("siren", null, SIREN),
                                    new FieldChange("siret", null, SIRET),
                                    new FieldChange("nafCode", null, "62.01Z"),
                                    new FieldChange("headcount", null, "120"),
                                    new FieldChange("creditLimit", null, "50000"))),
                            new AccountPromotedToCustomer(ACCOUNT_ID),
                            new AccountLinkedToErp(ACCOUNT_ID, ERP_ID),
                            absorbed(List.of(), List.of()));
        }

        @Test
        void aSurvivorLinkedInTheAbsorptionRefusesReps() {
            fixture.given(created(COMPLETE), new AccountPromotedToCustomer(ACCOUNT_ID),
                            new AccountLinkedToErp(ACCOUNT_ID, ERP_ID), absorbed(List.of(), List.of()))
                    .when(new UpdateAccountDetails(ACCOUNT_ID, details().paymentTerms("60 days").build(),
                            Set.of(AccountField.PAYMENT_TERMS), null))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {ERP_ID, OTHER_ERP_ID})
        void ignoresTheDuplicatesErpFieldsWhenTheSurvivorIsLinked(String duplicateErpId) {
            AccountDetails synced = details().from(COMPLETE).creditLimit((String) null).build();
            AccountDetails duplicate = details().from(COMPLETE).legalName("Acme Lyon SARL").paymentTerms("45 days")
                    .creditLimit("90000").website("acme.example.fr").build();
            AccountDetails completed = details().from(synced).website("acme.example.fr").build();

            fixture.given(with(linkedCustomer(), new AccountSyncedFromErp(ACCOUNT_ID, synced,
                            List.of(new FieldChange("creditLimit", "50000", null)))))
                    .when(absorb(List.of(), List.of(), duplicate, AccountStatus.CUSTOMER, duplicateErpId), as(SYSTEM))
                    .expectEvents(new AccountDetailsUpdated(ACCOUNT_ID, completed,
                                    List.of(new FieldChange("website", null, "acme.example.fr"))),
                            absorbed(List.of(), List.of()))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void emitsNothingWhenAbsorbingTheSameDuplicateAgain() {
            fixture.given(created(COMPLETE), new ContactMovedIn(ACCOUNT_ID, DUPLICATE_ID, LEA_FROM_A_LEAD),
                            absorbed(List.of(C3), List.of(OTHER_LEAD)))
                    .when(absorb(List.of(LEA_FROM_A_LEAD, PAUL_ALONE), List.of(OTHER_LEAD),
                            details().website("acme.example.fr").build(), AccountStatus.CUSTOMER, ERP_ID), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void absorbsAnotherDuplicateAfterOne() {
            fixture.given(created(COMPLETE), new MergedAccountAbsorbed(ACCOUNT_ID, OTHER_ID, List.of(), List.of()))
                    .when(absorb(List.of(PAUL_ALONE), List.of(), NAMED, AccountStatus.PROSPECT, null), as(SYSTEM))
                    .expectEvents(new ContactMovedIn(ACCOUNT_ID, DUPLICATE_ID, PAUL_ALONE),
                            absorbed(List.of(C4), List.of()));
        }

        @Test
        void refusesAMergedSurvivor() {
            fixture.given(merged(List.of(created(COMPLETE))))
                    .when(absorb(List.of(PAUL_ALONE), List.of(), NAMED, AccountStatus.PROSPECT, null), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED))
                    .expectExceptionMessage("Cannot absorb a merged account when the status is MERGED");
        }

        @Test
        void emitsNothingWhenAMergedSurvivorHadAbsorbedTheDuplicateBefore() {
            fixture.given(merged(List.of(created(COMPLETE), absorbed(List.of(), List.of()))))
                    .when(absorbProspect(NAMED), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, ADMIN, STEWARD, AUDITOR, PEER, UNKNOWN})
        void refusesAnyoneButTheSystem(String actor) {
            fixture.given(created(COMPLETE))
                    .when(absorb(List.of(PAUL_ALONE), List.of(), NAMED, AccountStatus.PROSPECT, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // DismissAccountDuplicate
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class DismissDuplicate {

        @Test
        void recordsThatTheOtherAccountIsNotADuplicate() {
            fixture.given(created(COMPLETE))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, OTHER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountDuplicateDismissed(ACCOUNT_ID, OTHER_ID))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void trimsTheOtherId() {
            fixture.given(created(COMPLETE))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, "  account-2 "))
                    .expectEvents(new AccountDuplicateDismissed(ACCOUNT_ID, OTHER_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {OTHER_ID, " account-2 "})
        void emitsNothingWhenDismissedAlready(String otherId) {
            fixture.given(created(COMPLETE), new AccountDuplicateDismissed(ACCOUNT_ID, OTHER_ID))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, otherId))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void dismissesAnotherAccount() {
            fixture.given(created(COMPLETE), new AccountDuplicateDismissed(ACCOUNT_ID, OTHER_ID))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, DUPLICATE_ID))
                    .expectEvents(new AccountDuplicateDismissed(ACCOUNT_ID, DUPLICATE_ID))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingOtherId(String otherId) {
            fixture.given(created(COMPLETE))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, otherId))
                    .expectNoEvents()
                    .expectException(invalidField("otherId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"account 2", "account/2", "account#2"})
        void refusesAnInvalidOtherId(String otherId) {
            fixture.given(created(COMPLETE))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, otherId))
                    .expectNoEvents()
                    .expectException(invalidField("otherId", "invalid-identifier"));
        }

        @ParameterizedTest
        @ValueSource(strings = {ACCOUNT_ID, " account-7 "})
        void refusesTheAccountItself(String otherId) {
            fixture.given(created(COMPLETE))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, otherId))
                    .expectNoEvents()
                    .expectException(invalidField("otherId", "same-record"));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, STEWARD, SYSTEM})
        void isAllowedToWhoeverMayChangeTheAccountAndToDataStewards(String actor) {
            fixture.given(created(COMPLETE))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, OTHER_ID), as(actor))
                    .expectEvents(new AccountDuplicateDismissed(ACCOUNT_ID, OTHER_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, REP_1, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER})
        void answersNotFoundToWhoeverCannotSeeTheAccount(String actor) {
            fixture.given(created(COMPLETE))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, OTHER_ID), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST})
        void refusesProfilesThatOnlyRead(String actor) {
            fixture.given(created(COMPLETE))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, OTHER_ID), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void letsADataStewardReviewAnUnassignedAccount() {
            fixture.given(new AccountCreated(ACCOUNT_ID, COMPLETE, null))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, OTHER_ID), as(STEWARD))
                    .expectEvents(new AccountDuplicateDismissed(ACCOUNT_ID, OTHER_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, STEWARD})
        void refusesAMergedAccount(String actor) {
            fixture.given(merged(List.of(created(COMPLETE))))
                    .when(new DismissAccountDuplicate(ACCOUNT_ID, OTHER_ID), as(actor))
                    .expectNoEvents()
                    .expectException(invalidTransition(AccountStatus.MERGED))
                    .expectExceptionMessage("Cannot review an account's duplicates when the status is MERGED");
        }
    }
}
