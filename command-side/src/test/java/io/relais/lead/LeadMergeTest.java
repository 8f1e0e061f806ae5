package io.relais.lead;

import io.relais.common.FieldChange;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;

import static io.relais.common.RefusalMatchers.staleVersion;
import static io.relais.lead.LeadFixtures.ACCOUNT_ID;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.lead.LeadFixtures.CONTACT_ID;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.lead.LeadFixtures.EMAIL;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.lead.LeadFixtures.LEAD_ID;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.lead.LeadFixtures.NOW;
import static io.relais.organisation.TestOrganisation.OTHER_MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.lead.LeadFixtures.OWNER;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.lead.LeadFixtures.SURVIVOR_ID;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static io.relais.common.CommandFixtures.as;
import static io.relais.lead.LeadFixtures.details;
import static io.relais.lead.LeadFixtures.emailOnly;
import static io.relais.lead.LeadFixtures.forbidden;
import static io.relais.lead.LeadFixtures.invalidField;
import static io.relais.lead.LeadFixtures.invalidTransition;
import static io.relais.lead.LeadFixtures.leadFixture;
import static io.relais.lead.LeadFixtures.leadIn;
import static io.relais.lead.LeadFixtures.notFound;
import static io.relais.lead.LeadFixtures.owned;

/**
 * Merging duplicate leads: the duplicate ends with {@link LeadMergedInto}, the survivor absorbs it
 * ({@link AbsorbMergedLead}); a converted lead follows the merge of its account ({@link TransferConvertedLead});
 * a pair found not to be duplicates is dismissed. The lead under test is {@link LeadFixtures#LEAD_ID}: the
 * duplicate when it is merged (into {@link LeadFixtures#SURVIVOR_ID}), the survivor when it absorbs.
 *
 * <p>Over the organisation of {@link LeadFixtures} (who is who is charted there). Unless a test names the actor,
 * commands are sent by MANAGER, who may act on the leads of OWNER (who owns the leads of most histories here).
 */
class LeadMergeTest {

    /** The duplicate {@link LeadFixtures#LEAD_ID} absorbs. */
    private static final String DUPLICATE_ID = "lead-9";
    private static final String OTHER_ID = "lead-43";
    /** The account {@link LeadFixtures#ACCOUNT_ID} was merged into. */
    private static final String SURVIVING_ACCOUNT_ID = "account-1";
    /** The merge process, acting as the system. */
    private static final String SYSTEM = "system:lead-merge";

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(NOW);
    }

    // ---------------------------------------------------------------------------------------------------------
    // MergeLeadInto
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Merge {

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"NEW", "WORKING", "QUALIFIED", "DISQUALIFIED"})
        void endsTheLeadHandingOverItsDetailsAndStatus(LeadStatus status) {
            List<Object> history = leadIn(status);

            fixture.given(history)
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), status))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void handsOverTheLatestDetails() {
            LeadDetails updated = details().email(EMAIL).city("Lyon").build();

            fixture.given(owned(emailOnly()), new LeadDetailsUpdated(LEAD_ID, updated,
                            List.of(new FieldChange("city", null, "Lyon"))))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null))
                    .expectEvents(new LeadMergedInto(LEAD_ID, SURVIVOR_ID, updated, LeadStatus.NEW))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void handsOverTheStatusAReopenedLeadIsIn() {
            fixture.given(owned(emailOnly()), new LeadQualified(LEAD_ID, LeadStatus.NEW),
                            new LeadReopened(LEAD_ID, LeadStatus.QUALIFIED))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null))
                    .expectEvents(new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), LeadStatus.WORKING));
        }

        @Test
        void trimsTheSurvivorId() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new MergeLeadInto(LEAD_ID, "  lead-survivor ", null))
                    .expectEvents(new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), LeadStatus.NEW));
        }

        @ParameterizedTest
        @ValueSource(strings = {SURVIVOR_ID, " lead-survivor "})
        void emitsNothingWhenMergedIntoTheSameSurvivorAgain(String survivorId) {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new MergeLeadInto(LEAD_ID, survivorId, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingWhenADataStewardRetriesTheMerge() {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null), as(STEWARD))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesMergingIntoAnotherSurvivorOnceMerged() {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new MergeLeadInto(LEAD_ID, OTHER_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED))
                    .expectExceptionMessage("Cannot merge a lead when the status is MERGED");
        }

        @Test
        void refusesASurvivorThatIsItselfMerged() {
            fixture = leadFixture(NOW, MANAGER, survivorIs(LeadStatus.MERGED));

            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED))
                    .expectExceptionMessage("Cannot merge into a lead when the status is MERGED");
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = "MERGED", mode = EnumSource.Mode.EXCLUDE)
        void acceptsASurvivorInAnyOtherStatus(LeadStatus status) {
            fixture = leadFixture(NOW, MANAGER, survivorIs(status));

            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null))
                    .expectEvents(new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), LeadStatus.NEW));
        }

        @Test
        void answersARetryEvenOnceTheSurvivorIsMergedOnward() {
            fixture = leadFixture(NOW, MANAGER, survivorIs(LeadStatus.MERGED));

            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAConvertedLead() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED))
                    .expectExceptionMessage("Cannot merge a lead when the status is CONVERTED");
        }

        @ParameterizedTest
        @ValueSource(strings = {LEAD_ID, " lead-42 "})
        void refusesMergingTheLeadIntoItself(String survivorId) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new MergeLeadInto(LEAD_ID, survivorId, null))
                    .expectNoEvents()
                    .expectException(invalidField("survivorId", "same-record"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingSurvivor(String survivorId) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new MergeLeadInto(LEAD_ID, survivorId, null))
                    .expectNoEvents()
                    .expectException(invalidField("survivorId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"lead 1", "lead/1", "lead#1"})
        void refusesAnInvalidSurvivorId(String survivorId) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new MergeLeadInto(LEAD_ID, survivorId, null))
                    .expectNoEvents()
                    .expectException(invalidField("survivorId", "invalid-identifier"));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, STEWARD, SYSTEM})
        void isAllowedToWhoeverMayChangeTheLeadAndToDataStewards(String actor) {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), LeadStatus.WORKING));
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER})
        void answersNotFoundToWhoeverCannotSeeTheLead(String actor) {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST})
        void refusesProfilesThatOnlyRead(String actor) {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void answersNotFoundRatherThanConvertedToWhoeverCannotSeeTheLead() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void answersNotFoundToARetryByWhoeverCannotSeeTheLead() {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {STEWARD, ADMIN, SYSTEM})
        void letsDataStewardsAdministratorsAndTheSystemMergeAnUnassignedLead(String actor) {
            fixture.given(leadIn(LeadStatus.NEW, null))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null), as(actor))
                    .expectEvents(new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), LeadStatus.NEW));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR})
        void answersNotFoundToSalesProfilesForAnUnassignedLead(String actor) {
            fixture.given(leadIn(LeadStatus.NEW, null))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, null), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void acceptsTheCurrentVersionAndAnswersTheNewOne() {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, 1L))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new MergeLeadInto(LEAD_ID, SURVIVOR_ID, 0L))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // A merged lead refuses every change
    // ---------------------------------------------------------------------------------------------------------

    /** Every command a lead handles (but its capture and routing), with an actor who may send it and its action. */
    static Stream<Arguments> commandsOnAMergedLead() {
        return Stream.of(
                Arguments.of("UpdateLeadDetails", MANAGER, "update a lead",
                        new UpdateLeadDetails(LEAD_ID, Map.of(LeadField.CITY, "Lyon"), null)),
                Arguments.of("AssignLeadOwner", MANAGER, "reassign a lead",
                        new AssignLeadOwner(LEAD_ID, "rep-1", null)),
                Arguments.of("StartWorkingLead", MANAGER, "start working a lead", new StartWorkingLead(LEAD_ID, null)),
                Arguments.of("QualifyLead", MANAGER, "qualify a lead", new QualifyLead(LEAD_ID, null)),
                Arguments.of("DisqualifyLead", MANAGER, "disqualify a lead",
                        new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_NEED, null, null)),
                Arguments.of("ReopenLead", MANAGER, "reopen a lead", new ReopenLead(LEAD_ID, null)),
                Arguments.of("ConvertLead", MANAGER, "convert a lead",
                        new ConvertLead(LEAD_ID, ACCOUNT_ID, CONTACT_ID, null)),
                Arguments.of("MergeLeadInto another survivor", STEWARD, "merge a lead",
                        new MergeLeadInto(LEAD_ID, OTHER_ID, null)),
                Arguments.of("AbsorbMergedLead", SYSTEM, "absorb a merged lead",
                        new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, details().phone("0612345678").build())),
                Arguments.of("TransferConvertedLead", SYSTEM, "transfer a converted lead",
                        new TransferConvertedLead(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID)),
                Arguments.of("DismissLeadDuplicate", STEWARD, "review a lead's duplicates",
                        new DismissLeadDuplicate(LEAD_ID, OTHER_ID)));
    }

    /** The commands of {@link #commandsOnAMergedLead()} that users send (the others only the system sends). */
    static Stream<Arguments> userCommandsOnAMergedLead() {
        return commandsOnAMergedLead().filter(arguments -> !SYSTEM.equals(arguments.get()[1]));
    }

    @Nested
    class AfterTheMerge {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadMergeTest#commandsOnAMergedLead")
        void refusesEveryChangeAsAnInvalidTransition(String name, String actor, String action, Object command) {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED))
                    .expectExceptionMessage("Cannot " + action + " when the status is MERGED");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadMergeTest#commandsOnAMergedLead")
        void refusesEveryChangeEvenFromTheSystem(String name, String actor, String action, Object command) {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(command, as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadMergeTest#userCommandsOnAMergedLead")
        void answersNotFoundRatherThanMergedToWhoeverCannotSeeTheLead(String name, String actor, String action,
                                                                       Object command) {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(command, as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void refusesAnUpdateThatWouldChangeNothing() {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new UpdateLeadDetails(LEAD_ID, Map.of(LeadField.EMAIL, EMAIL), null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED));
        }

        @Test
        void refusesAnUpdateBeforeLookingAtItsChanges() {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new UpdateLeadDetails(LEAD_ID, Map.of(), null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED));
        }

        @Test
        void refusesAssigningTheSameOwnerAgain() {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new AssignLeadOwner(LEAD_ID, OWNER, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED));
        }

        @Test
        void refusesAMergedLeadThatWasDisqualified() {
            fixture.given(owned(emailOnly()),
                            new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_NEED, null, LeadStatus.NEW),
                            new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), LeadStatus.DISQUALIFIED))
                    .when(new ReopenLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED));
        }

        @ParameterizedTest
        @ValueSource(strings = {"rep-1", AUDITOR, UNKNOWN})
        void theRoutingLeavesAnUnassignedMergedLeadAlone(String ownerId) {
            fixture.given(leadIn(LeadStatus.MERGED, null))
                    .when(new AutoAssignLead(LEAD_ID, ownerId, "north", "rule-1"), as("system:lead-routing"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void theRoutingStillGivesAnUnassignedOpenLeadItsOwner() {
            fixture.given(leadIn(LeadStatus.NEW, null))
                    .when(new AutoAssignLead(LEAD_ID, "rep-1", "north", "rule-1"), as("system:lead-routing"))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-1", null, "north", "rule-1"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // AbsorbMergedLead
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Absorb {

        @Test
        void fillsTheSurvivorsBlanksThenRecordsTheAbsorption() {
            LeadDetails survivor = details().email(EMAIL).city("Paris").build();
            LeadDetails duplicate = new LeadDetails("Jeanne", "Martin", "jmartin@acme.example.fr", null, "Acme SARL",
                    null, null, null, "Lyon", "FR", null, "62.01Z", "SMALL");
            LeadDetails completed = new LeadDetails("Jeanne", "Martin", EMAIL, null, "Acme SARL", null, null, null,
                    "Paris", "FR", null, "62.01Z", "SMALL");

            fixture.given(owned(survivor))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, duplicate), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, completed, List.of(
                                    new FieldChange("firstName", null, "Jeanne"),
                                    new FieldChange("lastName", null, "Martin"),
                                    new FieldChange("company", null, "Acme SARL"),
                                    new FieldChange("country", null, "FR"),
                                    new FieldChange("nafCode", null, "62.01Z"),
                                    new FieldChange("companySize", null, "SMALL"))),
                            new MergedLeadAbsorbed(LEAD_ID, DUPLICATE_ID))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"NEW", "WORKING", "QUALIFIED", "DISQUALIFIED"})
        void fillsTheBlanksOfASurvivorInAnyStatusButConverted(LeadStatus status) {
            LeadDetails completed = details().email(EMAIL).phone("0612345678").build();

            fixture.given(leadIn(status))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, details().phone("0612345678").build()),
                            as(SYSTEM))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, completed,
                                    List.of(new FieldChange("phone", null, "0612345678"))),
                            new MergedLeadAbsorbed(LEAD_ID, DUPLICATE_ID));
        }

        @Test
        void onlyRecordsTheAbsorptionWhenThereIsNothingToFill() {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, details().email("other@example.fr").build()),
                            as(SYSTEM))
                    .expectEvents(new MergedLeadAbsorbed(LEAD_ID, DUPLICATE_ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void onlyRecordsTheAbsorptionOfADuplicateWithoutDetails() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, null), as(SYSTEM))
                    .expectEvents(new MergedLeadAbsorbed(LEAD_ID, DUPLICATE_ID));
        }

        @Test
        void onlyRecordsTheAbsorptionIntoAConvertedSurvivor() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, details().phone("0612345678").city("Lyon")
                            .build()), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MergedLeadAbsorbed(LEAD_ID, DUPLICATE_ID))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void emitsNothingWhenAbsorbingTheSameDuplicateAgain() {
            fixture.given(owned(emailOnly()), new MergedLeadAbsorbed(LEAD_ID, DUPLICATE_ID))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, details().phone("0612345678").build()),
                            as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void absorbsAnotherDuplicateAfterOne() {
            fixture.given(owned(emailOnly()), new MergedLeadAbsorbed(LEAD_ID, OTHER_ID))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, null), as(SYSTEM))
                    .expectEvents(new MergedLeadAbsorbed(LEAD_ID, DUPLICATE_ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesAMergedSurvivor() {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, details().phone("0612345678").build()),
                            as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED))
                    .expectExceptionMessage("Cannot absorb a merged lead when the status is MERGED");
        }

        @Test
        void emitsNothingWhenAMergedSurvivorHadAbsorbedTheDuplicateBefore() {
            fixture.given(owned(emailOnly()), new MergedLeadAbsorbed(LEAD_ID, DUPLICATE_ID),
                            new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), LeadStatus.NEW))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, null), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, ADMIN, STEWARD, AUDITOR, PEER, UNKNOWN})
        void refusesAnyoneButTheSystem(String actor) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new AbsorbMergedLead(LEAD_ID, DUPLICATE_ID, details().phone("0612345678").build()),
                            as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // TransferConvertedLead
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class TransferConverted {

        @Test
        void followsTheMergeOfTheAccountTheLeadWasConvertedInto() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new TransferConvertedLead(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ConvertedLeadTransferred(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void emitsNothingWhenTransferredToTheSameAccountAgain() {
            fixture.given(with(leadIn(LeadStatus.CONVERTED),
                            new ConvertedLeadTransferred(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID)))
                    .when(new TransferConvertedLead(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void followsASecondMerge() {
            fixture.given(with(leadIn(LeadStatus.CONVERTED),
                            new ConvertedLeadTransferred(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID)))
                    .when(new TransferConvertedLead(LEAD_ID, "account-0", SURVIVING_ACCOUNT_ID), as(SYSTEM))
                    .expectEvents(new ConvertedLeadTransferred(LEAD_ID, "account-0", SURVIVING_ACCOUNT_ID))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void refusesTheAccountTheLeadLeftAsThePreviousOne() {
            fixture.given(with(leadIn(LeadStatus.CONVERTED),
                            new ConvertedLeadTransferred(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID)))
                    .when(new TransferConvertedLead(LEAD_ID, "account-0", ACCOUNT_ID), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("previousAccountId", "not-converted-into"));
        }

        @Test
        void refusesAnAccountTheLeadWasNotConvertedInto() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new TransferConvertedLead(LEAD_ID, SURVIVING_ACCOUNT_ID, "account-5"), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("previousAccountId", "not-converted-into"))
                    .expectExceptionMessage("The lead was converted into account-7, not account-5");
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"NEW", "WORKING", "QUALIFIED", "DISQUALIFIED", "MERGED"})
        void refusesALeadThatIsNotConverted(LeadStatus status) {
            fixture.given(leadIn(status))
                    .when(new TransferConvertedLead(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidTransition(status))
                    .expectExceptionMessage("Cannot transfer a converted lead when the status is " + status.name());
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, ADMIN, STEWARD, AUDITOR, PEER, UNKNOWN})
        void refusesAnyoneButTheSystem(String actor) {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new TransferConvertedLead(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void aTransferredLeadStillRefusesChanges() {
            fixture.given(with(leadIn(LeadStatus.CONVERTED),
                            new ConvertedLeadTransferred(LEAD_ID, SURVIVING_ACCOUNT_ID, ACCOUNT_ID)))
                    .when(new UpdateLeadDetails(LEAD_ID, Map.of(LeadField.CITY, "Lyon"), null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // DismissLeadDuplicate
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class DismissDuplicate {

        @Test
        void recordsThatTheOtherLeadIsNotADuplicate() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DismissLeadDuplicate(LEAD_ID, OTHER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadDuplicateDismissed(LEAD_ID, OTHER_ID))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void trimsTheOtherId() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DismissLeadDuplicate(LEAD_ID, "  lead-43 "))
                    .expectEvents(new LeadDuplicateDismissed(LEAD_ID, OTHER_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {OTHER_ID, " lead-43 "})
        void emitsNothingWhenDismissedAlready(String otherId) {
            fixture.given(owned(emailOnly()), new LeadDuplicateDismissed(LEAD_ID, OTHER_ID))
                    .when(new DismissLeadDuplicate(LEAD_ID, otherId))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void dismissesAnotherLead() {
            fixture.given(owned(emailOnly()), new LeadDuplicateDismissed(LEAD_ID, OTHER_ID))
                    .when(new DismissLeadDuplicate(LEAD_ID, DUPLICATE_ID))
                    .expectEvents(new LeadDuplicateDismissed(LEAD_ID, DUPLICATE_ID))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingOtherId(String otherId) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DismissLeadDuplicate(LEAD_ID, otherId))
                    .expectNoEvents()
                    .expectException(invalidField("otherId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"lead 43", "lead/43", "lead#43"})
        void refusesAnInvalidOtherId(String otherId) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DismissLeadDuplicate(LEAD_ID, otherId))
                    .expectNoEvents()
                    .expectException(invalidField("otherId", "invalid-identifier"));
        }

        @ParameterizedTest
        @ValueSource(strings = {LEAD_ID, " lead-42 "})
        void refusesTheLeadItself(String otherId) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DismissLeadDuplicate(LEAD_ID, otherId))
                    .expectNoEvents()
                    .expectException(invalidField("otherId", "same-record"));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR, ADMIN, STEWARD, SYSTEM})
        void isAllowedToWhoeverMayChangeTheLeadAndToDataStewards(String actor) {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new DismissLeadDuplicate(LEAD_ID, OTHER_ID), as(actor))
                    .expectEvents(new LeadDuplicateDismissed(LEAD_ID, OTHER_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER})
        void answersNotFoundToWhoeverCannotSeeTheLead(String actor) {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new DismissLeadDuplicate(LEAD_ID, OTHER_ID), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST})
        void refusesProfilesThatOnlyRead(String actor) {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new DismissLeadDuplicate(LEAD_ID, OTHER_ID), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void letsADataStewardReviewAnUnassignedLead() {
            fixture.given(leadIn(LeadStatus.NEW, null))
                    .when(new DismissLeadDuplicate(LEAD_ID, OTHER_ID), as(STEWARD))
                    .expectEvents(new LeadDuplicateDismissed(LEAD_ID, OTHER_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {MANAGER, STEWARD})
        void refusesAConvertedLeadWhichIsMatchedAsItsContactNow(String actor) {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new DismissLeadDuplicate(LEAD_ID, OTHER_ID), as(actor))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED));
        }

        @ParameterizedTest
        @ValueSource(strings = {MANAGER, STEWARD})
        void refusesAMergedLead(String actor) {
            fixture.given(leadIn(LeadStatus.MERGED))
                    .when(new DismissLeadDuplicate(LEAD_ID, OTHER_ID), as(actor))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.MERGED))
                    .expectExceptionMessage("Cannot review a lead's duplicates when the status is MERGED");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    /** What the read model knows of the survivor: it is in {@code status}; no other lead is known. */
    private static OtherLeads survivorIs(LeadStatus status) {
        return leadId -> leadId.equals(SURVIVOR_ID) ? Optional.of(status) : Optional.empty();
    }
}
