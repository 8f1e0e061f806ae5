package io.relais.opportunity;

import io.relais.account.AccountStatus;
import io.relais.account.OtherAccounts;
import io.relais.common.ExpectedVersions;
import io.relais.common.FieldChange;
import io.relais.common.RefusalMatchers;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import static io.relais.common.RefusalMatchers.staleVersion;
import static io.relais.opportunity.OpportunityFixtures.ACCOUNT_ID;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.opportunity.OpportunityFixtures.AMOUNT;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.opportunity.OpportunityFixtures.CLOSE_DATE;
import static io.relais.opportunity.OpportunityFixtures.CONTACT_ID;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.opportunity.OpportunityFixtures.INSTALLATION;
import static io.relais.opportunity.OpportunityFixtures.INSTALLATION_TOTAL;
import static io.relais.opportunity.OpportunityFixtures.LINES_TOTAL;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.opportunity.OpportunityFixtures.NAME;
import static io.relais.opportunity.OpportunityFixtures.NEGOTIATION;
import static io.relais.opportunity.OpportunityFixtures.OPPORTUNITY_ID;
import static io.relais.opportunity.OpportunityFixtures.OTHER_CONTACT_ID;
import static io.relais.organisation.TestOrganisation.OTHER_MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.opportunity.OpportunityFixtures.OWNER;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.opportunity.OpportunityFixtures.PRESSES;
import static io.relais.opportunity.OpportunityFixtures.PRESSES_TOTAL;
import static io.relais.opportunity.OpportunityFixtures.PROPOSAL;
import static io.relais.opportunity.OpportunityFixtures.PROSPECTING;
import static io.relais.opportunity.OpportunityFixtures.QUALIFICATION;
import static io.relais.opportunity.OpportunityFixtures.REP_1;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.opportunity.OpportunityFixtures.SURVIVOR_ID;
import static io.relais.opportunity.OpportunityFixtures.SYSTEM;
import static io.relais.opportunity.OpportunityFixtures.TODAY;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static io.relais.common.CommandFixtures.as;
import static io.relais.opportunity.OpportunityFixtures.closed;
import static io.relais.opportunity.OpportunityFixtures.conflict;
import static io.relais.opportunity.OpportunityFixtures.deal;
import static io.relais.opportunity.OpportunityFixtures.forbidden;
import static io.relais.opportunity.OpportunityFixtures.inProposal;
import static io.relais.opportunity.OpportunityFixtures.invalidField;
import static io.relais.opportunity.OpportunityFixtures.invalidTransition;
import static io.relais.opportunity.OpportunityFixtures.lined;
import static io.relais.opportunity.OpportunityFixtures.lost;
import static io.relais.opportunity.OpportunityFixtures.notFound;
import static io.relais.opportunity.OpportunityFixtures.openDeal;
import static io.relais.opportunity.OpportunityFixtures.opened;
import static io.relais.opportunity.OpportunityFixtures.opportunityFixture;
import static io.relais.opportunity.OpportunityFixtures.presses;
import static io.relais.opportunity.OpportunityFixtures.with;
import static io.relais.opportunity.OpportunityFixtures.won;
import static org.hamcrest.Matchers.containsString;

/**
 * Fixture tests of the opportunity aggregate, over the organisation of {@link OpportunityFixtures} (who is who
 * is charted there), with the default sales stages and a clock at {@link OpportunityFixtures#NOW}. Unless a test
 * names the actor, commands are sent by OWNER, the sales rep who owns the deal of most histories here.
 */
class OpportunityTest {

    private static final LocalDate JUL_31 = LocalDate.of(2026, 7, 31);

    private FixtureConfiguration<Opportunity> fixture;

    @BeforeEach
    void setUp() {
        fixture = opportunityFixture();
    }

    // ---------------------------------------------------------------------------------------------------------
    // OpenOpportunity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Open {

        @Test
        void recordsTheDealInTheFirstStageWithItsFigures() {
            fixture.givenNoPriorActivity()
                    .when(deal().open())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityOpened(OPPORTUNITY_ID, ACCOUNT_ID, NAME, OWNER, CONTACT_ID,
                            "lead-42", "EUR", AMOUNT, CLOSE_DATE, "STANDARD",
                            new SalesStage("PROSPECTING", 10, ForecastCategory.PIPELINE)));
        }

        @Test
        void answersWithTheOpportunityIdentifier() {
            fixture.givenNoPriorActivity()
                    .when(deal().open())
                    .expectResultMessagePayload(OPPORTUNITY_ID);
        }

        @Test
        void refusesAMergedAccount() {
            fixture = opportunityFixture(SalesStages.defaults(), accountIs(AccountStatus.MERGED));

            fixture.givenNoPriorActivity()
                    .when(deal().open())
                    .expectNoEvents()
                    .expectException(RefusalMatchers.invalidTransition(AccountStatus.MERGED.name()))
                    .expectExceptionMessage("Cannot open a deal with an account when the status is MERGED");
        }

        @ParameterizedTest
        @EnumSource(value = AccountStatus.class, names = "MERGED", mode = EnumSource.Mode.EXCLUDE)
        void opensWithALiveAccount(AccountStatus status) {
            fixture = opportunityFixture(SalesStages.defaults(), accountIs(status));

            fixture.givenNoPriorActivity()
                    .when(deal().open())
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(OPPORTUNITY_ID);
        }

        @Test
        void needsOnlyAnAccountANameACurrencyAndACloseDate() {
            fixture.givenNoPriorActivity()
                    .when(new OpenOpportunity(OPPORTUNITY_ID, ACCOUNT_ID, NAME, null, null, null, "EUR", null,
                            CLOSE_DATE, null))
                    .expectEvents(deal().primaryContactId(null).leadId(null).amount((BigDecimal) null).opened());
        }

        @Test
        void validatesAndNormalisesTheFields() {
            fixture.givenNoPriorActivity()
                    .when(new OpenOpportunity(OPPORTUNITY_ID, ACCOUNT_ID, "  Press renewal\t", " rep ",
                            " contact-1 ", " lead-42 ", " eur ", new BigDecimal("12000.00"), CLOSE_DATE,
                            " PARTNERS "))
                    .expectEvents(deal().priceList("PARTNERS").opened());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"12000.50, 12000.5", "1.5E+4, 15000", "0.00, 0", "999999999999999.99, 999999999999999.99"})
        void keepsAnAmountWithoutTrailingZeros(BigDecimal amount, String expected) {
            fixture.givenNoPriorActivity()
                    .when(deal().amount(amount).open())
                    .expectEvents(deal().amount(expected).opened());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void putsADealWithoutAPriceListInTheStandardList(String priceList) {
            fixture.givenNoPriorActivity()
                    .when(deal().priceList(priceList).open())
                    .expectEvents(deal().priceList("STANDARD").opened());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void turnsABlankContactAndLeadIntoNone(String blank) {
            fixture.givenNoPriorActivity()
                    .when(deal().primaryContactId(blank).leadId(blank).open())
                    .expectEvents(deal().primaryContactId(null).leadId(null).opened());
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, OTHER_REP})
        void givesASalesUsersDealWithoutAnOwnerToThem(String actor) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(null).open(), as(actor))
                    .expectEvents(deal().ownerId(actor).opened());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void takesABlankOwnerAsNone(String ownerId) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(ownerId).open(), as(MANAGER))
                    .expectEvents(deal().ownerId(MANAGER).opened());
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, SYSTEM})
        void leavesADealOpenedWithoutAnOwnerByAnAdministratorOrTheSystemUnassigned(String actor) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(null).open(), as(actor))
                    .expectEvents(deal().ownerId(null).opened());
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.opportunity.OpportunityTest#ownersInReach")
        void acceptsAnOwnerInTheActorsReach(String actor, String owner) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(owner).open(), as(actor))
                    .expectEvents(deal().ownerId(owner).opened());
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.opportunity.OpportunityTest#ownersOutOfReach")
        void refusesAnOwnerOutOfTheActorsReach(String actor, String owner) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(owner).open(), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest(name = "{0} for {1}")
        @CsvSource({ADMIN + "," + UNKNOWN, ADMIN + "," + FORMER, SYSTEM + "," + UNKNOWN, SYSTEM + "," + FORMER})
        void refusesAnOwnerWhoIsNotAnActiveUser(String actor, String owner) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(owner).open(), as(actor))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "unknown-owner"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAnOwnerWhoseProfileCannotOwnRecords(String owner) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(owner).open(), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "owner-cannot-own-records"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Rep", "r", "rep 1", "-rep", "system:x"})
        void refusesAnOwnerIdThatIsNotAUserId(String owner) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(owner).open(), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "invalid-user-id"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD, FORMER, UNKNOWN})
        void refusesAnActorWhoMayNotCreateRecords(String actor) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(null).open(), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD, FORMER, UNKNOWN})
        void refusesAnActorWhoMayNotCreateRecordsEvenWithAnOwner(String actor) {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(OWNER).open(), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesTheActorBeforeLookingAtTheFields() {
            fixture.givenNoPriorActivity()
                    .when(deal().ownerId(null).currency(null).name(null).open(), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {" opportunity-7", "opportunity-7 ", "opportunity 7", "opportunity/7"})
        void refusesAnOpportunityIdThatIsNotAnExactIdentifier(String opportunityId) {
            fixture.givenNoPriorActivity()
                    .when(deal().opportunityId(opportunityId).open())
                    .expectNoEvents()
                    .expectException(invalidField("opportunityId", "invalid-identifier"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresAnAccount(String accountId) {
            fixture.givenNoPriorActivity()
                    .when(deal().accountId(accountId).open())
                    .expectNoEvents()
                    .expectException(invalidField("accountId", "required"));
        }

        @Test
        void refusesAnInvalidAccountId() {
            fixture.givenNoPriorActivity()
                    .when(deal().accountId("account 7").open())
                    .expectNoEvents()
                    .expectException(invalidField("accountId", "invalid-identifier"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresAName(String name) {
            fixture.givenNoPriorActivity()
                    .when(deal().name(name).open())
                    .expectNoEvents()
                    .expectException(invalidField("name", "required"));
        }

        @Test
        void acceptsANameOf200Characters() {
            fixture.givenNoPriorActivity()
                    .when(deal().name("N".repeat(200)).open())
                    .expectEvents(deal().name("N".repeat(200)).opened());
        }

        @Test
        void refusesANameOfMoreThan200Characters() {
            fixture.givenNoPriorActivity()
                    .when(deal().name("N".repeat(201)).open())
                    .expectNoEvents()
                    .expectException(invalidField("name", "too-long"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresACurrency(String currency) {
            fixture.givenNoPriorActivity()
                    .when(deal().currency(currency).open())
                    .expectNoEvents()
                    .expectException(invalidField("currency", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"EUX", "E1R", "EU"})
        void refusesAnUnknownCurrency(String currency) {
            fixture.givenNoPriorActivity()
                    .when(deal().currency(currency).open())
                    .expectNoEvents()
                    .expectException(invalidField("currency", "invalid-currency"));
        }

        @Test
        void refusesACurrencyOfMoreThanThreeLetters() {
            fixture.givenNoPriorActivity()
                    .when(deal().currency("EURO").open())
                    .expectNoEvents()
                    .expectException(invalidField("currency", "too-long"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "100.001", "1234567890123456"})
        void refusesAnInvalidAmount(String amount) {
            fixture.givenNoPriorActivity()
                    .when(deal().amount(amount).open())
                    .expectNoEvents()
                    .expectException(invalidField("amount", "invalid-amount"));
        }

        @Test
        void requiresAnExpectedCloseDate() {
            fixture.givenNoPriorActivity()
                    .when(deal().expectedCloseDate(null).open())
                    .expectNoEvents()
                    .expectException(invalidField("expectedCloseDate", "required"));
        }

        @ParameterizedTest
        @MethodSource("io.relais.opportunity.OpportunityTest#datesOutsideTheCrmYears")
        void refusesAnExpectedCloseDateOutsideTheYears1900To2999(LocalDate date) {
            fixture.givenNoPriorActivity()
                    .when(deal().expectedCloseDate(date).open())
                    .expectNoEvents()
                    .expectException(invalidField("expectedCloseDate", "out-of-range"));
        }

        @ParameterizedTest
        @MethodSource("io.relais.opportunity.OpportunityTest#firstAndLastDaysOfTheCrmYears")
        void acceptsAnExpectedCloseDateOnTheFirstAndLastDaysOfTheYears1900To2999(LocalDate date) {
            fixture.givenNoPriorActivity()
                    .when(deal().expectedCloseDate(date).open())
                    .expectEvents(deal().expectedCloseDate(date).opened());
        }

        @ParameterizedTest
        @ValueSource(strings = {"PUBLIC SECTOR", "PARTNERS/EU"})
        void refusesAPriceListThatIsNotAnIdentifier(String priceList) {
            fixture.givenNoPriorActivity()
                    .when(deal().priceList(priceList).open())
                    .expectNoEvents()
                    .expectException(invalidField("priceList", "invalid-identifier"));
        }

        @Test
        void refusesAnInvalidPrimaryContactId() {
            fixture.givenNoPriorActivity()
                    .when(deal().primaryContactId("contact 1").open())
                    .expectNoEvents()
                    .expectException(invalidField("primaryContactId", "invalid-identifier"));
        }

        @Test
        void refusesAnInvalidLeadId() {
            fixture.givenNoPriorActivity()
                    .when(deal().leadId("lead/42").open())
                    .expectNoEvents()
                    .expectException(invalidField("leadId", "invalid-identifier"));
        }
    }

    static Stream<Arguments> ownersInReach() {
        return Stream.of(Arguments.of(OWNER, OWNER), Arguments.of(MANAGER, REP_1), Arguments.of(MANAGER, MANAGER),
                Arguments.of(DIRECTOR, OWNER), Arguments.of(DIRECTOR, OTHER_REP), Arguments.of(ADMIN, OTHER_REP),
                Arguments.of(ADMIN, ADMIN), Arguments.of(SYSTEM, OTHER_REP));
    }

    static Stream<Arguments> ownersOutOfReach() {
        return Stream.of(Arguments.of(OWNER, PEER), Arguments.of(OWNER, MANAGER), Arguments.of(MANAGER, OTHER_REP),
                Arguments.of(MANAGER, DIRECTOR), Arguments.of(OTHER_MANAGER, OWNER));
    }

    // ---------------------------------------------------------------------------------------------------------
    // UpdateOpportunityDetails
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class UpdateDetails {

        @Test
        void renamesTheDeal() {
            fixture.given(openDeal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, "Press renewal 2027", CONTACT_ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityDetailsUpdated(OPPORTUNITY_ID, "Press renewal 2027", CONTACT_ID,
                            List.of(new FieldChange("name", NAME, "Press renewal 2027"))))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void changesThePrimaryContact() {
            fixture.given(openDeal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, NAME, OTHER_CONTACT_ID, null))
                    .expectEvents(new OpportunityDetailsUpdated(OPPORTUNITY_ID, NAME, OTHER_CONTACT_ID,
                            List.of(new FieldChange("primaryContactId", CONTACT_ID, OTHER_CONTACT_ID))));
        }

        @Test
        void listsBothChangesNameFirst() {
            fixture.given(openDeal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, "Press renewal 2027", OTHER_CONTACT_ID, null))
                    .expectEvents(new OpportunityDetailsUpdated(OPPORTUNITY_ID, "Press renewal 2027",
                            OTHER_CONTACT_ID, List.of(new FieldChange("name", NAME, "Press renewal 2027"),
                            new FieldChange("primaryContactId", CONTACT_ID, OTHER_CONTACT_ID))));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void clearsThePrimaryContactGivenNoneOrBlank(String contactId) {
            fixture.given(openDeal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, NAME, contactId, null))
                    .expectEvents(new OpportunityDetailsUpdated(OPPORTUNITY_ID, NAME, null,
                            List.of(new FieldChange("primaryContactId", CONTACT_ID, null))));
        }

        @Test
        void setsAPrimaryContactOnADealWithout() {
            fixture.given(deal().primaryContactId(null).opened())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, NAME, CONTACT_ID, null))
                    .expectEvents(new OpportunityDetailsUpdated(OPPORTUNITY_ID, NAME, CONTACT_ID,
                            List.of(new FieldChange("primaryContactId", null, CONTACT_ID))));
        }

        @Test
        void trimsTheNameAndTheContactId() {
            fixture.given(openDeal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, " Press renewal 2027\t", " contact-2 ", null))
                    .expectEvents(new OpportunityDetailsUpdated(OPPORTUNITY_ID, "Press renewal 2027",
                            OTHER_CONTACT_ID, List.of(new FieldChange("name", NAME, "Press renewal 2027"),
                            new FieldChange("primaryContactId", CONTACT_ID, OTHER_CONTACT_ID))));
        }

        @ParameterizedTest(name = "\"{0}\", \"{1}\"")
        @CsvSource(value = {"Press renewal|contact-1", "  Press renewal |  contact-1 "}, delimiter = '|',
                ignoreLeadingAndTrailingWhitespace = false)
        void emitsNothingAndAnswersTheCurrentVersionWhenNothingChanges(String name, String contactId) {
            fixture.given(inProposal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, name, contactId, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingWhenClearingNoContact() {
            fixture.given(deal().primaryContactId(null).opened())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, NAME, null, null))
                    .expectNoEvents();
        }

        @Test
        void buildsOnEarlierUpdates() {
            fixture.given(opened(), new OpportunityDetailsUpdated(OPPORTUNITY_ID, "Press renewal 2027",
                            OTHER_CONTACT_ID, List.of()))
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, NAME, OTHER_CONTACT_ID, null))
                    .expectEvents(new OpportunityDetailsUpdated(OPPORTUNITY_ID, NAME, OTHER_CONTACT_ID,
                            List.of(new FieldChange("name", "Press renewal 2027", NAME))));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresAName(String name) {
            fixture.given(openDeal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, name, CONTACT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidField("name", "required"));
        }

        @Test
        void refusesANameOfMoreThan200Characters() {
            fixture.given(openDeal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, "N".repeat(201), CONTACT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidField("name", "too-long"));
        }

        @Test
        void refusesAnInvalidContactId() {
            fixture.given(openDeal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, NAME, "contact 2", null))
                    .expectNoEvents()
                    .expectException(invalidField("primaryContactId", "invalid-identifier"));
        }

        /** Unlike its figures, a closed deal's name and contact may still be put right. */
        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void isAllowedOnAClosedDeal(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, "Press renewal 2027", CONTACT_ID, null))
                    .expectEvents(new OpportunityDetailsUpdated(OPPORTUNITY_ID, "Press renewal 2027", CONTACT_ID,
                            List.of(new FieldChange("name", NAME, "Press renewal 2027"))));
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(inProposal())
                    .when(new UpdateOpportunityDetails(OPPORTUNITY_ID, "Press renewal 2027", CONTACT_ID, 0L))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ChangeOpportunityStage
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class ChangeStage {

        @Test
        void movesTheDealRecordingBothStagesWithTheirFigures() {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID,
                            new SalesStage("PROSPECTING", 10, ForecastCategory.PIPELINE),
                            new SalesStage("PROPOSAL", 50, ForecastCategory.BEST_CASE)))
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"proposal", " Proposal ", "PROPOSAL\t"})
        void takesTheStageInAnyCaseAndTrimmed(String stage) {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, stage, null))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, PROSPECTING, PROPOSAL));
        }

        @Test
        void movesBackToAnEarlierStage() {
            fixture.given(inProposal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "QUALIFICATION", null))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, PROPOSAL, QUALIFICATION))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void startsFromTheStageOfTheLastChange() {
            fixture.given(with(inProposal(), new OpportunityStageChanged(OPPORTUNITY_ID, PROPOSAL, NEGOTIATION)))
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROSPECTING", null))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, NEGOTIATION, PROSPECTING));
        }

        @Test
        void skipsStages() {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "NEGOTIATION", null))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, PROSPECTING, NEGOTIATION));
        }

        @Test
        void emitsNothingAndAnswersTheCurrentVersionWhenAlreadyInTheStage() {
            fixture.given(inProposal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "proposal", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"CLOSING", "PROPOSALS", "PROSPECT ING"})
        void refusesAnUnknownStage(String stage) {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, stage, null))
                    .expectNoEvents()
                    .expectException(invalidField("stage", "unknown-stage"))
                    .expectExceptionMessage(containsString("[PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION]"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"CLOSED_WON", "closed_lost"})
        void refusesTheClosedStages(String stage) {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, stage, null))
                    .expectNoEvents()
                    .expectException(invalidField("stage", "unknown-stage"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresAStage(String stage) {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, stage, null))
                    .expectNoEvents()
                    .expectException(invalidField("stage", "required"));
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void refusesAClosedDeal(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "NEGOTIATION", null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status));
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void refusesAClosedDealEvenToTheStageItClosedFrom(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status));
        }

        @Test
        void movesAReopenedDealOnFromTheStageItWasReopenedIn() {
            fixture.given(with(won(), new OpportunityReopened(OPPORTUNITY_ID, QUALIFICATION, OpportunityStatus.WON)))
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "NEGOTIATION", null))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, QUALIFICATION, NEGOTIATION));
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(inProposal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "NEGOTIATION", 0L))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reconfigured stages: what a deal recorded stays as it was
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class ReconfiguredStages {

        private final SalesStage discovery = new SalesStage("DISCOVERY", 15, ForecastCategory.PIPELINE);
        private final SalesStage proposalNow = new SalesStage("PROPOSAL", 60, ForecastCategory.BEST_CASE);
        private final SalesStage closing = new SalesStage("CLOSING", 90, ForecastCategory.COMMIT);

        @BeforeEach
        void reconfigure() {
            fixture = opportunityFixture(new SalesStages(List.of(discovery, proposalNow, closing)));
        }

        @Test
        void opensADealInTheFirstConfiguredStage() {
            fixture.givenNoPriorActivity()
                    .when(deal().open())
                    .expectEvents(deal().stage(discovery).opened());
        }

        @Test
        void recordsTheNextStageWithTodaysFiguresAndThePreviousAsItWasEntered() {
            fixture.given(inProposal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "CLOSING", null))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, PROPOSAL, closing));
        }

        @Test
        void movesADealOutOfAStageNoLongerConfigured() {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "DISCOVERY", null))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, PROSPECTING, discovery));
        }

        @Test
        void refusesAStageNoLongerConfigured() {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "NEGOTIATION", null))
                    .expectNoEvents()
                    .expectException(invalidField("stage", "unknown-stage"));
        }

        /** The stage has the same name but other figures: the deal is moved into it as configured now. */
        @Test
        void recordsTheNewFiguresOfTheStageTheDealIsIn() {
            fixture.given(inProposal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, PROPOSAL, proposalNow));
        }

        @Test
        void closesFromTheStageAsItWasEntered() {
            fixture.given(inProposal())
                    .when(new CloseOpportunityWon(OPPORTUNITY_ID, null))
                    .expectEvents(new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, OWNER, "EUR", AMOUNT, TODAY,
                            PROPOSAL));
        }

        @Test
        void reopensInAConfiguredStage() {
            fixture.given(won())
                    .when(new ReopenOpportunity(OPPORTUNITY_ID, "closing", null))
                    .expectEvents(new OpportunityReopened(OPPORTUNITY_ID, closing, OpportunityStatus.WON));
        }

        @Test
        void refusesToReopenInAStageNoLongerConfigured() {
            fixture.given(won())
                    .when(new ReopenOpportunity(OPPORTUNITY_ID, "NEGOTIATION", null))
                    .expectNoEvents()
                    .expectException(invalidField("stage", "unknown-stage"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ChangeOpportunityAmount
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class ChangeAmount {

        @Test
        void changesTheAmountOfADealWithoutLines() {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, new BigDecimal("15000"), null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityAmountChanged(OPPORTUNITY_ID, AMOUNT, new BigDecimal("15000")))
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"15000.00, 15000", "1.5E+4, 15000", "0.50, 0.5", "0, 0"})
        void keepsTheAmountWithoutTrailingZeros(BigDecimal amount, BigDecimal expected) {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, amount, null))
                    .expectEvents(new OpportunityAmountChanged(OPPORTUNITY_ID, AMOUNT, expected));
        }

        @Test
        void setsAnAmountOnADealWithout() {
            fixture.given(deal().amount((BigDecimal) null).opened())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, new BigDecimal("15000"), null))
                    .expectEvents(new OpportunityAmountChanged(OPPORTUNITY_ID, null, new BigDecimal("15000")));
        }

        @Test
        void clearsTheAmountGivenNone() {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, null, null))
                    .expectEvents(new OpportunityAmountChanged(OPPORTUNITY_ID, AMOUNT, null));
        }

        @Test
        void startsFromTheAmountOfTheLastChange() {
            fixture.given(opened(), new OpportunityAmountChanged(OPPORTUNITY_ID, AMOUNT, new BigDecimal("9000")))
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, AMOUNT, null))
                    .expectEvents(new OpportunityAmountChanged(OPPORTUNITY_ID, new BigDecimal("9000"), AMOUNT));
        }

        @ParameterizedTest
        @ValueSource(strings = {"12000", "12000.00", "1.2E+4"})
        void emitsNothingAndAnswersTheCurrentVersionForTheSameAmount(BigDecimal amount) {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, amount, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        /** Amounts are compared by value, so one stored with trailing zeros (by an earlier version) is the same. */
        @ParameterizedTest
        @ValueSource(strings = {"12000.00", "1.2E+4"})
        void emitsNothingForTheSameAmountStoredWithAnotherScale(String stored) {
            fixture.given(deal().amount(stored).opened())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, AMOUNT, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void emitsNothingWhenClearingNoAmount() {
            fixture.given(deal().amount((BigDecimal) null).opened())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, null, null))
                    .expectNoEvents();
        }

        @Test
        void setsAnAmountOfZeroOnADealWithout() {
            fixture.given(deal().amount((BigDecimal) null).opened())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, BigDecimal.ZERO, null))
                    .expectEvents(new OpportunityAmountChanged(OPPORTUNITY_ID, null, BigDecimal.ZERO));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "100.001", "1234567890123456"})
        void refusesAnInvalidAmount(BigDecimal amount) {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, amount, null))
                    .expectNoEvents()
                    .expectException(invalidField("amount", "invalid-amount"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"15000", "4540", "4540.00"})
        void refusesADealWithLinesWhateverTheAmount(BigDecimal amount) {
            fixture.given(lined())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, amount, null))
                    .expectNoEvents()
                    .expectException(conflict("amount", "amount-from-line-items"));
        }

        @Test
        void refusesClearingTheAmountOfADealWithLines() {
            fixture.given(lined())
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, null, null))
                    .expectNoEvents()
                    .expectException(conflict("amount", "amount-from-line-items"));
        }

        @Test
        void refusesWhileALineRemains() {
            fixture.given(with(lined(), removed(PRESSES, LINES_TOTAL, INSTALLATION_TOTAL)))
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, new BigDecimal("15000"), null))
                    .expectNoEvents()
                    .expectException(conflict("amount", "amount-from-line-items"));
        }

        @Test
        void acceptsAnAmountOnceEveryLineIsRemoved() {
            fixture.given(with(lined(), removed(PRESSES, LINES_TOTAL, INSTALLATION_TOTAL),
                            removed(INSTALLATION, INSTALLATION_TOTAL, null)))
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, new BigDecimal("15000"), null))
                    .expectEvents(new OpportunityAmountChanged(OPPORTUNITY_ID, null, new BigDecimal("15000")))
                    .expectResultMessagePayload(5L);
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void refusesAClosedDeal(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, new BigDecimal("15000"), null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ChangeOpportunityCloseDate
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class ChangeCloseDate {

        @Test
        void movesTheExpectedCloseDate() {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityCloseDate(OPPORTUNITY_ID, JUL_31, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityCloseDateChanged(OPPORTUNITY_ID, CLOSE_DATE, JUL_31))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void startsFromTheDateOfTheLastMove() {
            fixture.given(opened(), new OpportunityCloseDateChanged(OPPORTUNITY_ID, CLOSE_DATE, JUL_31))
                    .when(new ChangeOpportunityCloseDate(OPPORTUNITY_ID, CLOSE_DATE, null))
                    .expectEvents(new OpportunityCloseDateChanged(OPPORTUNITY_ID, JUL_31, CLOSE_DATE));
        }

        @Test
        void emitsNothingAndAnswersTheCurrentVersionForTheSameDate() {
            fixture.given(inProposal())
                    .when(new ChangeOpportunityCloseDate(OPPORTUNITY_ID, CLOSE_DATE, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void requiresADate() {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityCloseDate(OPPORTUNITY_ID, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("expectedCloseDate", "required"));
        }

        @ParameterizedTest
        @MethodSource("io.relais.opportunity.OpportunityTest#datesOutsideTheCrmYears")
        void refusesADateOutsideTheYears1900To2999(LocalDate date) {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityCloseDate(OPPORTUNITY_ID, date, null))
                    .expectNoEvents()
                    .expectException(invalidField("expectedCloseDate", "out-of-range"));
        }

        @ParameterizedTest
        @MethodSource("io.relais.opportunity.OpportunityTest#firstAndLastDaysOfTheCrmYears")
        void acceptsTheFirstAndLastDaysOfTheYears1900To2999(LocalDate date) {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityCloseDate(OPPORTUNITY_ID, date, null))
                    .expectEvents(new OpportunityCloseDateChanged(OPPORTUNITY_ID, CLOSE_DATE, date));
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void refusesAClosedDeal(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new ChangeOpportunityCloseDate(OPPORTUNITY_ID, JUL_31, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // AddOpportunityLineItem
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class AddLine {

        @Test
        void addsTheLineAndMakesTheAmountItsTotal() {
            fixture.given(openDeal())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, PRESSES, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, AMOUNT,
                            new BigDecimal("3240.00")))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void addsTheNewLineToTheTotalOfTheOthers() {
            fixture.given(opened(), new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, AMOUNT, PRESSES_TOTAL))
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, INSTALLATION, null))
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, INSTALLATION, PRESSES_TOTAL,
                            new BigDecimal("4540.00")))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void addsUpEveryLine() {
            fixture.given(lined())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, presses("line-3"), null))
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, presses("line-3"), LINES_TOTAL,
                            new BigDecimal("7780.00")));
        }

        @Test
        void pricesTheFirstLineOfADealWithoutAmount() {
            fixture.given(deal().amount((BigDecimal) null).opened())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, INSTALLATION, null))
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, INSTALLATION, null,
                            INSTALLATION_TOTAL));
        }

        @Test
        void validatesAndNormalisesTheLine() {
            LineItem input = new LineItem("line-1", " product-7 ", " Offset press\t", "price-1",
                    new BigDecimal("3.000"), new BigDecimal("1200.0000"), new BigDecimal("10.00"),
                    new BigDecimal("700.00"));

            fixture.given(openDeal())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, input, null))
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, AMOUNT, PRESSES_TOTAL));
        }

        @ParameterizedTest(name = "{0} x {1} less {2} % = {3}")
        @CsvSource({"2.5, 19.99, , 49.98", "1, 99.99, 33.33, 66.66", "4, 250, 100, 0.00", "3, 0, , 0.00",
                "0.001, 1234.5678, , 1.23", "1.029, 19.8414, 6.67, 19.05"})
        void makesTheAmountTheLineTotalToTheCent(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
                                                 BigDecimal total) {
            LineItem line = new LineItem("line-1", "product-7", "Offset press", "price-1", quantity, unitPrice,
                    discount, null);

            fixture.given(openDeal())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, line, null))
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, line, AMOUNT, total));
        }

        @Test
        void requiresALine() {
            fixture.given(openDeal())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("productId", "required"));
        }

        @ParameterizedTest(name = "{0} {1}: {2}")
        @MethodSource("io.relais.opportunity.OpportunityTest#invalidLines")
        void refusesAnInvalidLine(String field, String code, LineItem line) {
            fixture.given(openDeal())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, line, null))
                    .expectNoEvents()
                    .expectException(invalidField(field, code));
        }

        @Test
        void refusesALineIdTheDealHasAlready() {
            fixture.given(lined())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, new LineItem("line-1", "product-9", "Ink",
                            "price-9", BigDecimal.ONE, BigDecimal.TEN, null, null), null))
                    .expectNoEvents()
                    .expectException(conflict("lineId", "line-exists"));
        }

        @Test
        void acceptsTheIdOfARemovedLineAgain() {
            fixture.given(with(lined(), removed(PRESSES, LINES_TOTAL, INSTALLATION_TOTAL)))
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, PRESSES, null))
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, INSTALLATION_TOTAL,
                            LINES_TOTAL));
        }

        @Test
        void acceptsTheTwoHundredthLine() {
            fixture.given(withLines(199))
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, presses("line-200"), null))
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, presses("line-200"),
                            linesTotal(199), linesTotal(200)))
                    .expectResultMessagePayload(200L);
        }

        @Test
        void refusesMoreThanTwoHundredLines() {
            fixture.given(withLines(200))
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, presses("line-201"), null))
                    .expectNoEvents()
                    .expectException(invalidField("lineId", "too-many"));
        }

        @Test
        void countsOnlyTheLinesLeft() {
            fixture.given(with(withLines(200), new OpportunityLineItemRemoved(OPPORTUNITY_ID, "line-1",
                            linesTotal(200), linesTotal(199))))
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, presses("line-201"), null))
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, presses("line-201"),
                            linesTotal(199), linesTotal(200)));
        }

        @Test
        void acceptsALineTotallingTheLargestAmount() {
            LineItem line = new LineItem("line-1", "product-7", "Press", "price-1", BigDecimal.ONE,
                    new BigDecimal("999999999999999.99"), null, null);
            fixture.given(openDeal())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, line, null))
                    .expectEvents(new OpportunityLineItemAdded(OPPORTUNITY_ID, line, AMOUNT,
                            new BigDecimal("999999999999999.99")));
        }

        @Test
        void refusesALineWhoseTotalNoAmountHolds() {
            fixture.given(openDeal())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, new LineItem("line-1", "product-7", "Press",
                            "price-1", new BigDecimal("999999999999999"), new BigDecimal("1200"), null, null), null))
                    .expectNoEvents()
                    .expectException(invalidField("quantity", "out-of-range"));
        }

        @Test
        void refusesALineWhoseCostNoAmountHolds() {
            fixture.given(openDeal())
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, new LineItem("line-1", "product-7", "Press",
                            "price-1", new BigDecimal("2"), new BigDecimal("1"), null,
                            new BigDecimal("999999999999999")), null))
                    .expectNoEvents()
                    .expectException(invalidField("quantity", "out-of-range"));
        }

        @Test
        void refusesALineThatWouldTakeTheDealsTotalPastWhatAnAmountHolds() {
            LineItem large = new LineItem("line-9", "product-7", "Press", "price-1", BigDecimal.ONE,
                    new BigDecimal("999999999999000"), null, null);
            fixture.given(opened(), new OpportunityLineItemAdded(OPPORTUNITY_ID, large, AMOUNT, large.total()))
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, PRESSES, null))
                    .expectNoEvents()
                    .expectException(invalidField("quantity", "out-of-range"));
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void refusesAClosedDeal(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new AddOpportunityLineItem(OPPORTUNITY_ID, PRESSES, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status));
        }
    }

    /** Dates Java and PostgreSQL accept that no deal closes on. */
    static Stream<LocalDate> datesOutsideTheCrmYears() {
        return Stream.of(LocalDate.MIN, LocalDate.of(-4714, 1, 1), LocalDate.of(1, 1, 1), LocalDate.of(1899, 12, 31),
                LocalDate.of(3000, 1, 1), LocalDate.of(294276, 12, 31), LocalDate.MAX);
    }

    static Stream<LocalDate> firstAndLastDaysOfTheCrmYears() {
        return Stream.of(LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31));
    }

    /** Lines refused for {@code field} with {@code code}; each is {@link OpportunityFixtures#PRESSES} but one field. */
    static Stream<Arguments> invalidLines() {
        LineItem p = PRESSES;
        BigDecimal q = p.quantity();
        BigDecimal u = p.unitPrice();
        BigDecimal d = p.discountPercent();
        BigDecimal c = p.unitCost();
        return Stream.of(
                Arguments.of("quantity", "required", new LineItem("line-1", "product-7", "Press", null, null, u, d, c)),
                Arguments.of("quantity", "required", new LineItem("line-1", "product-7", "Press", null,
                        BigDecimal.ZERO, u, d, c)),
                Arguments.of("quantity", "required", new LineItem("line-1", "product-7", "Press", null,
                        new BigDecimal("0.000"), u, d, c)),
                Arguments.of("quantity", "invalid-amount", new LineItem("line-1", "product-7", "Press", null,
                        new BigDecimal("-1"), u, d, c)),
                Arguments.of("quantity", "invalid-amount", new LineItem("line-1", "product-7", "Press", null,
                        new BigDecimal("1.0001"), u, d, c)),
                Arguments.of("unitPrice", "required", new LineItem("line-1", "product-7", "Press", null, q, null, d,
                        c)),
                Arguments.of("unitPrice", "invalid-amount", new LineItem("line-1", "product-7", "Press", null, q,
                        new BigDecimal("-0.01"), d, c)),
                Arguments.of("unitPrice", "invalid-amount", new LineItem("line-1", "product-7", "Press", null, q,
                        new BigDecimal("1.00001"), d, c)),
                Arguments.of("discountPercent", "out-of-range", new LineItem("line-1", "product-7", "Press", null,
                        q, u, new BigDecimal("100.01"), c)),
                Arguments.of("discountPercent", "invalid-amount", new LineItem("line-1", "product-7", "Press", null,
                        q, u, new BigDecimal("-5"), c)),
                Arguments.of("discountPercent", "invalid-amount", new LineItem("line-1", "product-7", "Press", null,
                        q, u, new BigDecimal("10.001"), c)),
                Arguments.of("unitCost", "invalid-amount", new LineItem("line-1", "product-7", "Press", null, q, u,
                        d, new BigDecimal("-1"))),
                Arguments.of("unitCost", "invalid-amount", new LineItem("line-1", "product-7", "Press", null, q, u,
                        d, new BigDecimal("1.00001"))),
                Arguments.of("lineId", "invalid-identifier", new LineItem(null, "product-7", "Press", null, q, u, d,
                        c)),
                Arguments.of("lineId", "required", new LineItem("", "product-7", "Press", null, q, u, d, c)),
                Arguments.of("lineId", "invalid-identifier", new LineItem(" line-1", "product-7", "Press", null, q,
                        u, d, c)),
                Arguments.of("lineId", "invalid-identifier", new LineItem("line 1", "product-7", "Press", null, q,
                        u, d, c)),
                Arguments.of("productId", "required", new LineItem("line-1", null, "Press", null, q, u, d, c)),
                Arguments.of("productId", "invalid-identifier", new LineItem("line-1", "product 7", "Press", null,
                        q, u, d, c)),
                Arguments.of("productName", "required", new LineItem("line-1", "product-7", null, null, q, u, d, c)),
                Arguments.of("productName", "required", new LineItem("line-1", "product-7", "  ", null, q, u, d,
                        c)),
                Arguments.of("productName", "too-long", new LineItem("line-1", "product-7", "P".repeat(201), null,
                        q, u, d, c)),
                Arguments.of("productName", "invalid-characters", new LineItem("line-1", "product-7", "Press\ud800",
                        null, q, u, d, c)),
                Arguments.of("priceId", "invalid-identifier", new LineItem("line-1", "product-7", "Press",
                        "price 1", q, u, d, c)),
                Arguments.of("priceId", "invalid-characters", new LineItem("line-1", "product-7", "Press",
                        "price\u00001", q, u, d, c)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // RemoveOpportunityLineItem
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class RemoveLine {

        @Test
        void removesTheLineAndMakesTheAmountTheTotalOfTheOthers() {
            fixture.given(lined())
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-1", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityLineItemRemoved(OPPORTUNITY_ID, "line-1", LINES_TOTAL,
                            new BigDecimal("1300.00")))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void removesTheLastLineAdded() {
            fixture.given(lined())
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-2", null))
                    .expectEvents(new OpportunityLineItemRemoved(OPPORTUNITY_ID, "line-2", LINES_TOTAL,
                            new BigDecimal("3240.00")));
        }

        @Test
        void givesTheDealBackTheAmountItHadBeforeLinesPricedItWhenTheLastLineGoes() {
            fixture.given(with(lined(), removed(PRESSES, LINES_TOTAL, INSTALLATION_TOTAL)))
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-2", null))
                    .expectEvents(new OpportunityLineItemRemoved(OPPORTUNITY_ID, "line-2", INSTALLATION_TOTAL, null),
                            new OpportunityAmountChanged(OPPORTUNITY_ID, null, AMOUNT))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void keepsTheLinesLastTotalAsTheAmountOfADealThatNeverHadOne() {
            fixture.given(deal().amount((BigDecimal) null).opened(),
                            new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, null, PRESSES_TOTAL))
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-1", null))
                    .expectEvents(new OpportunityLineItemRemoved(OPPORTUNITY_ID, "line-1", PRESSES_TOTAL, null),
                            new OpportunityAmountChanged(OPPORTUNITY_ID, null, PRESSES_TOTAL));
        }

        @Test
        void givesBackTheAmountSetSinceLinesLastPricedTheDeal() {
            BigDecimal later = new BigDecimal("5000");
            fixture.given(opened(), new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, AMOUNT, PRESSES_TOTAL),
                            removed(PRESSES, PRESSES_TOTAL, null),
                            new OpportunityAmountChanged(OPPORTUNITY_ID, null, later),
                            new OpportunityLineItemAdded(OPPORTUNITY_ID, INSTALLATION, later, INSTALLATION_TOTAL))
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-2", null))
                    .expectEvents(new OpportunityLineItemRemoved(OPPORTUNITY_ID, "line-2", INSTALLATION_TOTAL, null),
                            new OpportunityAmountChanged(OPPORTUNITY_ID, null, later));
        }

        /** A removal stored before the rule left the deal without an amount, and still does on replay. */
        @Test
        void aStoredRemovalOfTheLastLineStillLeavesNoAmount() {
            fixture.given(opened(), new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, AMOUNT, PRESSES_TOTAL),
                            removed(PRESSES, PRESSES_TOTAL, null))
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, AMOUNT, null))
                    .expectEvents(new OpportunityAmountChanged(OPPORTUNITY_ID, null, AMOUNT));
        }

        @ParameterizedTest
        @ValueSource(strings = {"line-9", " line-1", "LINE-1"})
        void refusesAnUnknownLineAsNotFound(String lineId) {
            fixture.given(lined())
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, lineId, null))
                    .expectNoEvents()
                    .expectException(notFound(lineId));
        }

        @Test
        void refusesAMissingLineIdAsNotFound() {
            fixture.given(lined())
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, null, null))
                    .expectNoEvents()
                    .expectException(notFound("null"));
        }

        @Test
        void refusesALineRemovedAlready() {
            fixture.given(with(lined(), removed(PRESSES, LINES_TOTAL, INSTALLATION_TOTAL)))
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-1", null))
                    .expectNoEvents()
                    .expectException(notFound("line-1"));
        }

        @Test
        void refusesALineOfADealWithoutLines() {
            fixture.given(openDeal())
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-1", null))
                    .expectNoEvents()
                    .expectException(notFound("line-1"));
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void refusesAClosedDeal(OpportunityStatus status) {
            fixture.given(closedWithLines(status))
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-1", null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // AssignOpportunityOwner
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class AssignOwner {

        @Test
        void reassignmentNamesThePreviousOwner() {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, REP_1, null), as(MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityOwnerAssigned(OPPORTUNITY_ID, REP_1, OWNER))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void firstAssignmentOfAnUnassignedDealHasNoPreviousOwner() {
            fixture.given(deal().ownerId(null).opened())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, OWNER, null), as(ADMIN))
                    .expectEvents(new OpportunityOwnerAssigned(OPPORTUNITY_ID, OWNER, null));
        }

        @Test
        void reassignmentNamesTheOwnerOfAnEarlierAssignment() {
            fixture.given(opened(), new OpportunityOwnerAssigned(OPPORTUNITY_ID, REP_1, OWNER))
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, PEER, null), as(MANAGER))
                    .expectEvents(new OpportunityOwnerAssigned(OPPORTUNITY_ID, PEER, REP_1));
        }

        @Test
        void trimsTheOwnerId() {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, " rep-1 ", null), as(MANAGER))
                    .expectEvents(new OpportunityOwnerAssigned(OPPORTUNITY_ID, REP_1, OWNER));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, " rep "})
        void emitsNothingAndAnswersTheCurrentVersionForTheSameOwner(String ownerId) {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, ownerId, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @ParameterizedTest(name = "{0} to {1}")
        @MethodSource("io.relais.opportunity.OpportunityTest#assignmentsInReach")
        void acceptsAnOwnerInTheActorsReach(String actor, String owner) {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, owner, null), as(actor))
                    .expectEvents(new OpportunityOwnerAssigned(OPPORTUNITY_ID, owner, OWNER));
        }

        @ParameterizedTest(name = "{0} to {1}")
        @MethodSource("io.relais.opportunity.OpportunityTest#assignmentsOutOfReach")
        void refusesAnOwnerOutOfTheActorsReach(String actor, String owner) {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, owner, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN, FORMER})
        void refusesAnOwnerWhoIsNotAnActiveUser(String owner) {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, owner, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "unknown-owner"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAnOwnerWhoseProfileCannotOwnRecords(String owner) {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, owner, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "owner-cannot-own-records"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresAnOwner(String owner) {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, owner, null), as(MANAGER))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Rep-1", "r", "rep 1"})
        void refusesAnOwnerIdThatIsNotAUserId(String owner) {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, owner, null), as(MANAGER))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "invalid-user-id"));
        }

        /** A leaver's deals, won and lost ones included, go to someone else. */
        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void isAllowedOnAClosedDeal(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, REP_1, null), as(MANAGER))
                    .expectEvents(new OpportunityOwnerAssigned(OPPORTUNITY_ID, REP_1, OWNER));
        }

        @Test
        void takesAwayThePreviousOwnersRights() {
            fixture.given(opened(), new OpportunityOwnerAssigned(OPPORTUNITY_ID, PEER, OWNER))
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void givesTheNewOwnerRights() {
            fixture.given(opened(), new OpportunityOwnerAssigned(OPPORTUNITY_ID, PEER, OWNER))
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null), as(PEER))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, PROSPECTING, PROPOSAL));
        }

        @Test
        void refusesSomeoneWhoMayNotSeeTheDealBeforeLookingAtTheNewOwner() {
            fixture.given(openDeal())
                    .when(new AssignOpportunityOwner(OPPORTUNITY_ID, "Not A User", null), as(OTHER_MANAGER))
                    .expectNoEvents()
                    .expectException(notFound());
        }
    }

    static Stream<Arguments> assignmentsInReach() {
        return Stream.of(Arguments.of(MANAGER, REP_1), Arguments.of(MANAGER, MANAGER), Arguments.of(DIRECTOR, PEER),
                Arguments.of(DIRECTOR, OTHER_REP), Arguments.of(ADMIN, OTHER_REP), Arguments.of(ADMIN, ADMIN),
                Arguments.of(SYSTEM, OTHER_REP));
    }

    static Stream<Arguments> assignmentsOutOfReach() {
        return Stream.of(Arguments.of(OWNER, PEER), Arguments.of(OWNER, MANAGER), Arguments.of(MANAGER, OTHER_REP),
                Arguments.of(MANAGER, DIRECTOR));
    }

    // ---------------------------------------------------------------------------------------------------------
    // CloseOpportunityWon
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class CloseWon {

        @Test
        void closesTheDealTodayRecordingWhatTheProcessNeedsAndTheStageItWasIn() {
            fixture.given(inProposal())
                    .when(new CloseOpportunityWon(OPPORTUNITY_ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, OWNER, "EUR", AMOUNT,
                            LocalDate.of(2026, 3, 10), PROPOSAL))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void carriesTheTotalOfTheLines() {
            fixture.given(lined())
                    .when(new CloseOpportunityWon(OPPORTUNITY_ID, null))
                    .expectEvents(new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, OWNER, "EUR", LINES_TOTAL, TODAY,
                            PROSPECTING));
        }

        @Test
        void carriesNoAmountWhenTheDealHasNone() {
            fixture.given(deal().amount((BigDecimal) null).currency("USD").opened())
                    .when(new CloseOpportunityWon(OPPORTUNITY_ID, null))
                    .expectEvents(new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, OWNER, "USD", null, TODAY,
                            PROSPECTING));
        }

        @Test
        void carriesTheCurrentOwnerAndAccount() {
            fixture.given(opened(), new OpportunityOwnerAssigned(OPPORTUNITY_ID, REP_1, OWNER),
                            new OpportunityTransferred(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID),
                            new OpportunityAmountChanged(OPPORTUNITY_ID, AMOUNT, new BigDecimal("9000")))
                    .when(new CloseOpportunityWon(OPPORTUNITY_ID, null), as(MANAGER))
                    .expectEvents(new OpportunityWon(OPPORTUNITY_ID, SURVIVOR_ID, REP_1, "EUR",
                            new BigDecimal("9000"), TODAY, PROSPECTING));
        }

        @Test
        void closesAReopenedDealFromTheStageItWasReopenedIn() {
            fixture.given(with(lost(), new OpportunityReopened(OPPORTUNITY_ID, NEGOTIATION, OpportunityStatus.LOST)))
                    .when(new CloseOpportunityWon(OPPORTUNITY_ID, null))
                    .expectEvents(new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, OWNER, "EUR", AMOUNT, TODAY,
                            NEGOTIATION));
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void refusesAClosedDeal(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new CloseOpportunityWon(OPPORTUNITY_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status));
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(inProposal())
                    .when(new CloseOpportunityWon(OPPORTUNITY_ID, 0L))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // CloseOpportunityLost
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class CloseLost {

        @Test
        void closesTheDealTodayWithTheReasonAndTheStageItWasIn() {
            fixture.given(inProposal())
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.PRICE, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityLost(OPPORTUNITY_ID, LossReason.PRICE, null,
                            LocalDate.of(2026, 3, 10), PROPOSAL))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @EnumSource(value = LossReason.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
        void needsNoNoteForAReasonOtherThanOther(LossReason reason) {
            fixture.given(openDeal())
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, reason, null, null))
                    .expectEvents(new OpportunityLost(OPPORTUNITY_ID, reason, null, TODAY, PROSPECTING));
        }

        @ParameterizedTest
        @EnumSource(LossReason.class)
        void keepsATrimmedNoteForAnyReason(LossReason reason) {
            fixture.given(openDeal())
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, reason, "  Went with a cheaper press\n", null))
                    .expectEvents(new OpportunityLost(OPPORTUNITY_ID, reason, "Went with a cheaper press", TODAY,
                            PROSPECTING));
        }

        @Test
        void turnsABlankNoteIntoNone() {
            fixture.given(openDeal())
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.TIMING, "   ", null))
                    .expectEvents(new OpportunityLost(OPPORTUNITY_ID, LossReason.TIMING, null, TODAY, PROSPECTING));
        }

        @Test
        void acceptsANoteOf1000Characters() {
            fixture.given(openDeal())
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.OTHER, "n".repeat(1000), null))
                    .expectEvents(new OpportunityLost(OPPORTUNITY_ID, LossReason.OTHER, "n".repeat(1000), TODAY,
                            PROSPECTING));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\n"})
        void requiresANoteWhenTheReasonIsOther(String note) {
            fixture.given(openDeal())
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.OTHER, note, null))
                    .expectNoEvents()
                    .expectException(invalidField("note", "required"));
        }

        @Test
        void refusesANoteOfMoreThan1000Characters() {
            fixture.given(openDeal())
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.COMPETITOR, "n".repeat(1001), null))
                    .expectNoEvents()
                    .expectException(invalidField("note", "too-long"));
        }

        @Test
        void refusesANoteWithControlCharacters() {
            fixture.given(openDeal())
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.COMPETITOR, "Went\u0000away", null))
                    .expectNoEvents()
                    .expectException(invalidField("note", "invalid-characters"));
        }

        @Test
        void requiresAReason() {
            fixture.given(openDeal())
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, null, "Went with a cheaper press", null))
                    .expectNoEvents()
                    .expectException(invalidField("reason", "required"));
        }

        @Test
        void closesAReopenedDealFromTheStageItWasReopenedIn() {
            fixture.given(with(won(), new OpportunityReopened(OPPORTUNITY_ID, QUALIFICATION, OpportunityStatus.WON)))
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.NO_BUDGET, null, null))
                    .expectEvents(new OpportunityLost(OPPORTUNITY_ID, LossReason.NO_BUDGET, null, TODAY,
                            QUALIFICATION));
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void refusesAClosedDeal(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.PRICE, null, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ReopenOpportunity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Reopen {

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void reopensAClosedDealInTheStageGivenWithItsFigures(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new ReopenOpportunity(OPPORTUNITY_ID, "NEGOTIATION", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityReopened(OPPORTUNITY_ID,
                            new SalesStage("NEGOTIATION", 80, ForecastCategory.COMMIT), status))
                    .expectResultMessagePayload(3L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"qualification", " Qualification "})
        void takesTheStageInAnyCaseAndTrimmed(String stage) {
            fixture.given(lost())
                    .when(new ReopenOpportunity(OPPORTUNITY_ID, stage, null))
                    .expectEvents(new OpportunityReopened(OPPORTUNITY_ID, QUALIFICATION, OpportunityStatus.LOST));
        }

        @Test
        void reopensInTheStageTheDealClosedFrom() {
            fixture.given(lost())
                    .when(new ReopenOpportunity(OPPORTUNITY_ID, "PROPOSAL", null))
                    .expectEvents(new OpportunityReopened(OPPORTUNITY_ID, PROPOSAL, OpportunityStatus.LOST));
        }

        @Test
        void refusesAnOpenDeal() {
            fixture.given(inProposal())
                    .when(new ReopenOpportunity(OPPORTUNITY_ID, "NEGOTIATION", null))
                    .expectNoEvents()
                    .expectException(invalidTransition(OpportunityStatus.OPEN));
        }

        @Test
        void refusesADealReopenedAlready() {
            fixture.given(with(won(), new OpportunityReopened(OPPORTUNITY_ID, PROPOSAL, OpportunityStatus.WON)))
                    .when(new ReopenOpportunity(OPPORTUNITY_ID, "NEGOTIATION", null))
                    .expectNoEvents()
                    .expectException(invalidTransition(OpportunityStatus.OPEN));
        }

        @ParameterizedTest
        @ValueSource(strings = {"CLOSING", "CLOSED_WON", "CLOSED_LOST"})
        void refusesAStageThatIsNotAnOpenOne(String stage) {
            fixture.given(won())
                    .when(new ReopenOpportunity(OPPORTUNITY_ID, stage, null))
                    .expectNoEvents()
                    .expectException(invalidField("stage", "unknown-stage"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void requiresAStage(String stage) {
            fixture.given(lost())
                    .when(new ReopenOpportunity(OPPORTUNITY_ID, stage, null))
                    .expectNoEvents()
                    .expectException(invalidField("stage", "required"));
        }

        @Test
        void opensTheDealToChangesAgain() {
            fixture.given(with(won(), new OpportunityReopened(OPPORTUNITY_ID, PROPOSAL, OpportunityStatus.WON)))
                    .when(new ChangeOpportunityCloseDate(OPPORTUNITY_ID, JUL_31, null))
                    .expectEvents(new OpportunityCloseDateChanged(OPPORTUNITY_ID, CLOSE_DATE, JUL_31));
        }

        @Test
        void keepsTheLinesAndTheirTotal() {
            fixture.given(with(closedWithLines(OpportunityStatus.WON),
                            new OpportunityReopened(OPPORTUNITY_ID, PROPOSAL, OpportunityStatus.WON)))
                    .when(new CloseOpportunityWon(OPPORTUNITY_ID, null))
                    .expectEvents(new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, OWNER, "EUR", LINES_TOTAL, TODAY,
                            PROPOSAL));
        }

        @Test
        void keepsTheAmountFollowingTheLines() {
            fixture.given(with(closedWithLines(OpportunityStatus.LOST),
                            new OpportunityReopened(OPPORTUNITY_ID, PROPOSAL, OpportunityStatus.LOST)))
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, AMOUNT, null))
                    .expectNoEvents()
                    .expectException(conflict("amount", "amount-from-line-items"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // TransferOpportunity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Transfer {

        @Test
        void followsTheAccountIntoTheOneItWasMergedInto() {
            fixture.given(openDeal())
                    .when(new TransferOpportunity(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpportunityTransferred(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID))
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void movesAClosedDealToo(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new TransferOpportunity(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectEvents(new OpportunityTransferred(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID));
        }

        @Test
        void emitsNothingAndAnswersTheCurrentVersionWhenTheDealFollowedAlready() {
            fixture.given(opened(), new OpportunityTransferred(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID))
                    .when(new TransferOpportunity(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void followsASecondMerge() {
            fixture.given(opened(), new OpportunityTransferred(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID))
                    .when(new TransferOpportunity(OPPORTUNITY_ID, "account-9", SURVIVOR_ID), as(SYSTEM))
                    .expectEvents(new OpportunityTransferred(OPPORTUNITY_ID, "account-9", SURVIVOR_ID));
        }

        @Test
        void refusesAMergeOfAnotherAccount() {
            fixture.given(openDeal())
                    .when(new TransferOpportunity(OPPORTUNITY_ID, SURVIVOR_ID, "account-9"), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("previousAccountId", "not-the-account"));
        }

        @Test
        void refusesTheMergeOfTheAccountTheDealHasLeft() {
            fixture.given(opened(), new OpportunityTransferred(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID))
                    .when(new TransferOpportunity(OPPORTUNITY_ID, "account-9", ACCOUNT_ID), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("previousAccountId", "not-the-account"));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, AUDITOR, ANALYST, STEWARD, PEER, FORMER, UNKNOWN})
        void refusesAnyoneButTheSystem(String actor) {
            fixture.given(openDeal())
                    .when(new TransferOpportunity(OPPORTUNITY_ID, SURVIVOR_ID, ACCOUNT_ID), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who may change a deal
    // ---------------------------------------------------------------------------------------------------------

    /** Every change but assignment and transfer, each with a history it applies to and what it records then. */
    static Stream<Arguments> changesOfTheDeal() {
        return Stream.of(
                Arguments.of("UpdateOpportunityDetails", openDeal(),
                        new UpdateOpportunityDetails(OPPORTUNITY_ID, NAME, null, null),
                        new OpportunityDetailsUpdated(OPPORTUNITY_ID, NAME, null,
                                List.of(new FieldChange("primaryContactId", CONTACT_ID, null)))),
                Arguments.of("ChangeOpportunityStage", openDeal(),
                        new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null),
                        new OpportunityStageChanged(OPPORTUNITY_ID, PROSPECTING, PROPOSAL)),
                Arguments.of("ChangeOpportunityAmount", openDeal(),
                        new ChangeOpportunityAmount(OPPORTUNITY_ID, BigDecimal.TEN, null),
                        new OpportunityAmountChanged(OPPORTUNITY_ID, AMOUNT, BigDecimal.TEN)),
                Arguments.of("ChangeOpportunityCloseDate", openDeal(),
                        new ChangeOpportunityCloseDate(OPPORTUNITY_ID, JUL_31, null),
                        new OpportunityCloseDateChanged(OPPORTUNITY_ID, CLOSE_DATE, JUL_31)),
                Arguments.of("AddOpportunityLineItem", openDeal(),
                        new AddOpportunityLineItem(OPPORTUNITY_ID, PRESSES, null),
                        new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, AMOUNT, PRESSES_TOTAL)),
                Arguments.of("RemoveOpportunityLineItem", lined(),
                        new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-1", null),
                        removed(PRESSES, LINES_TOTAL, INSTALLATION_TOTAL)),
                Arguments.of("CloseOpportunityWon", openDeal(), new CloseOpportunityWon(OPPORTUNITY_ID, null),
                        new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, OWNER, "EUR", AMOUNT, TODAY, PROSPECTING)),
                Arguments.of("CloseOpportunityLost", openDeal(),
                        new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.PRICE, null, null),
                        new OpportunityLost(OPPORTUNITY_ID, LossReason.PRICE, null, TODAY, PROSPECTING)),
                Arguments.of("ReopenOpportunity", lost(), new ReopenOpportunity(OPPORTUNITY_ID, "QUALIFICATION", null),
                        new OpportunityReopened(OPPORTUNITY_ID, QUALIFICATION, OpportunityStatus.LOST)));
    }

    static Stream<Arguments> changesByWhoeverMayChangeTheOwnersDeals() {
        return changesBy(List.of(OWNER, MANAGER, DIRECTOR, ADMIN, SYSTEM), changesOfTheDeal());
    }

    /** Every change, assignment included, by who may not see OWNER's deals. */
    static Stream<Arguments> changesByWhoeverMayNotSeeTheDeal() {
        return changesBy(List.of(PEER, REP_1, OTHER_MANAGER, OTHER_REP, FORMER, UNKNOWN), everyChange());
    }

    /** Every change, assignment included, by who may see every deal but change none. */
    static Stream<Arguments> changesByReadOnlyProfiles() {
        return changesBy(List.of(AUDITOR, ANALYST, STEWARD), everyChange());
    }

    private static Stream<Arguments> everyChange() {
        return Stream.concat(changesOfTheDeal(), Stream.of(Arguments.of("AssignOpportunityOwner", openDeal(),
                new AssignOpportunityOwner(OPPORTUNITY_ID, REP_1, null),
                new OpportunityOwnerAssigned(OPPORTUNITY_ID, REP_1, OWNER))));
    }

    /** Each change as (name, actor, history, command, event). */
    private static Stream<Arguments> changesBy(List<String> actors, Stream<Arguments> changes) {
        List<Arguments> changeList = changes.toList();
        List<Arguments> arguments = new ArrayList<>();
        for (String actor : actors) {
            for (Arguments change : changeList) {
                Object[] c = change.get();
                arguments.add(Arguments.of(c[0], actor, c[1], c[2], c[3]));
            }
        }
        return arguments.stream();
    }

    @Nested
    class Rights {

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.opportunity.OpportunityTest#changesByWhoeverMayChangeTheOwnersDeals")
        void theOwnerTheirManagersAnAdministratorAndTheSystemMayChangeTheDeal(String name, String actor,
                                                                               List<Object> history, Object command,
                                                                               Object event) {
            fixture.given(history)
                    .when(command, as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(event);
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.opportunity.OpportunityTest#changesByWhoeverMayNotSeeTheDeal")
        void whoeverMayNotSeeTheDealIsToldItDoesNotExist(String name, String actor, List<Object> history,
                                                          Object command, Object event) {
            fixture.given(history)
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.opportunity.OpportunityTest#changesByReadOnlyProfiles")
        void readOnlyProfilesMaySeeTheDealButNotChangeIt(String name, String actor, List<Object> history,
                                                         Object command, Object event) {
            fixture.given(history)
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {MANAGER, DIRECTOR, ADMIN})
        void theDealOfAUserWhoLeftStaysInTheirManagersHands(String actor) {
            fixture.given(deal().ownerId(FORMER).opened())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null), as(actor))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, PROSPECTING, PROPOSAL));
        }

        @Test
        void theUserWhoLeftMayNoLongerChangeTheirDeal() {
            fixture.given(deal().ownerId(FORMER).opened())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null), as(FORMER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, SYSTEM})
        void anUnassignedDealIsChangedByAnAdministratorOrTheSystem(String actor) {
            fixture.given(deal().ownerId(null).opened())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null), as(actor))
                    .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, PROSPECTING, PROPOSAL));
        }

        @ParameterizedTest
        @ValueSource(strings = {DIRECTOR, MANAGER, OWNER})
        void anUnassignedDealIsHiddenFromSalesUsers(String actor) {
            fixture.given(deal().ownerId(null).opened())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "PROPOSAL", null), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void whoeverMayNotSeeTheDealIsToldSoBeforeTheFieldsAreChecked() {
            fixture.given(openDeal())
                    .when(new ChangeOpportunityStage(OPPORTUNITY_ID, "CLOSING", null), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @EnumSource(value = OpportunityStatus.class, names = {"WON", "LOST"})
        void whoeverMayNotSeeTheDealIsToldSoBeforeItsStatusIsChecked(OpportunityStatus status) {
            fixture.given(closed(status))
                    .when(new ChangeOpportunityAmount(OPPORTUNITY_ID, BigDecimal.TEN, null), as(OTHER_REP))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void aReadOnlyProfileIsRefusedBeforeTheLineIsChecked() {
            fixture.given(lined())
                    .when(new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-9", null), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expected versions
    // ---------------------------------------------------------------------------------------------------------

    /** Every command that takes an expected version, with a history at version 1 in which MANAGER may send it. */
    static Stream<Arguments> changesAtVersionOne() {
        List<Object> lineAdded = List.of(opened(),
                new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, AMOUNT, PRESSES_TOTAL));
        List<Object> lostDeal = List.of(opened(),
                new OpportunityLost(OPPORTUNITY_ID, LossReason.PRICE, null, TODAY, PROSPECTING));
        return Stream.of(
                Arguments.of("UpdateOpportunityDetails", inProposal(), (LongFunction<Object>) v ->
                        new UpdateOpportunityDetails(OPPORTUNITY_ID, "Press renewal 2027", CONTACT_ID, v)),
                Arguments.of("ChangeOpportunityStage", inProposal(),
                        (LongFunction<Object>) v -> new ChangeOpportunityStage(OPPORTUNITY_ID, "NEGOTIATION", v)),
                Arguments.of("ChangeOpportunityAmount", inProposal(), (LongFunction<Object>) v ->
                        new ChangeOpportunityAmount(OPPORTUNITY_ID, new BigDecimal("15000"), v)),
                Arguments.of("ChangeOpportunityCloseDate", inProposal(),
                        (LongFunction<Object>) v -> new ChangeOpportunityCloseDate(OPPORTUNITY_ID, JUL_31, v)),
                Arguments.of("AddOpportunityLineItem", inProposal(),
                        (LongFunction<Object>) v -> new AddOpportunityLineItem(OPPORTUNITY_ID, PRESSES, v)),
                Arguments.of("RemoveOpportunityLineItem", lineAdded,
                        (LongFunction<Object>) v -> new RemoveOpportunityLineItem(OPPORTUNITY_ID, "line-1", v)),
                Arguments.of("AssignOpportunityOwner", inProposal(),
                        (LongFunction<Object>) v -> new AssignOpportunityOwner(OPPORTUNITY_ID, REP_1, v)),
                Arguments.of("CloseOpportunityWon", inProposal(),
                        (LongFunction<Object>) v -> new CloseOpportunityWon(OPPORTUNITY_ID, v)),
                Arguments.of("CloseOpportunityLost", inProposal(), (LongFunction<Object>) v ->
                        new CloseOpportunityLost(OPPORTUNITY_ID, LossReason.PRICE, null, v)),
                Arguments.of("ReopenOpportunity", lostDeal,
                        (LongFunction<Object>) v -> new ReopenOpportunity(OPPORTUNITY_ID, "QUALIFICATION", v)));
    }

    /** {@link #changesAtVersionOne()}, each with a stale, the current and a future expected version. */
    static Stream<Arguments> changesAtVersionOneWithEveryExpectedVersion() {
        return ExpectedVersions.staleCurrentAndFuture(changesAtVersionOne(), 1);
    }

    @Nested
    class Versions {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.opportunity.OpportunityTest#changesAtVersionOne")
        void acceptsTheCurrentVersionAndAnswersTheNewOne(String name, List<Object> history,
                                                         LongFunction<Object> command) {
            // removing the deal's only line also gives it back a manual amount: two events
            long newVersion = name.equals("RemoveOpportunityLineItem") ? 3L : 2L;
            fixture.given(history)
                    .when(command.apply(1L), as(MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(newVersion);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.opportunity.OpportunityTest#changesAtVersionOne")
        void refusesAStaleVersion(String name, List<Object> history, LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(0L), as(MANAGER))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.opportunity.OpportunityTest#changesAtVersionOne")
        void refusesAVersionTheDealHasNotReached(String name, List<Object> history, LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(2L), as(MANAGER))
                    .expectNoEvents()
                    .expectException(staleVersion(2, 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.opportunity.OpportunityTest#changesAtVersionOne")
        void holdsTheSystemToItsExpectedVersionToo(String name, List<Object> history, LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(0L), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @ParameterizedTest(name = "{0} expecting version {3}")
        @MethodSource("io.relais.opportunity.OpportunityTest#changesAtVersionOneWithEveryExpectedVersion")
        void whoeverMayNotSeeTheDealIsToldItDoesNotExistWhateverTheVersion(String name, List<Object> history,
                                                                            LongFunction<Object> command,
                                                                            long version) {
            fixture.given(history)
                    .when(command.apply(version), as(OTHER_REP))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0} expecting version {3}")
        @MethodSource("io.relais.opportunity.OpportunityTest#changesAtVersionOneWithEveryExpectedVersion")
        void aReadOnlyProfileIsForbiddenWhateverTheVersion(String name, List<Object> history,
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

    private static OpportunityLineItemRemoved removed(LineItem line, BigDecimal previousAmount, BigDecimal amount) {
        return new OpportunityLineItemRemoved(OPPORTUNITY_ID, line.lineId(), previousAmount, amount);
    }

    /** {@link OpportunityFixtures#lined()}, then won or lost from PROSPECTING today. */
    private static List<Object> closedWithLines(OpportunityStatus status) {
        Object closing = status == OpportunityStatus.WON
                ? new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, OWNER, "EUR", LINES_TOTAL, TODAY, PROSPECTING)
                : new OpportunityLost(OPPORTUNITY_ID, LossReason.PRICE, null, TODAY, PROSPECTING);
        return with(lined(), closing);
    }

    /** {@link OpportunityFixtures#opened()} with {@code count} lines like PRESSES, line-1 to line-{count}. */
    private static List<Object> withLines(int count) {
        List<Object> events = new ArrayList<>(List.of(opened()));
        BigDecimal previous = AMOUNT;
        for (int i = 1; i <= count; i++) {
            events.add(new OpportunityLineItemAdded(OPPORTUNITY_ID, presses("line-" + i), previous, linesTotal(i)));
            previous = linesTotal(i);
        }
        return events;
    }

    /** What {@code count} lines like PRESSES come to. */
    private static BigDecimal linesTotal(int count) {
        return PRESSES_TOTAL.multiply(BigDecimal.valueOf(count));
    }

    /** What the read model knows of the deal's account: it is in {@code status}. */
    private static OtherAccounts accountIs(AccountStatus status) {
        return accountId -> accountId.equals(ACCOUNT_ID) ? Optional.of(new OtherAccounts.Standing(status, null))
                : Optional.empty();
    }
}
