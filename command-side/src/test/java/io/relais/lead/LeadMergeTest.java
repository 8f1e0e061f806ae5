package io.relais.lead;

import io.relais.common.AuditMetadata;
import io.relais.common.FieldChange;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.organisation.InMemoryOrganisationDirectory;
import io.relais.organisation.Profile;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
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
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;

/**
 * Merging duplicate leads: the duplicate ends with {@link LeadMergedInto}, the survivor absorbs it
 * ({@link AbsorbMergedLead}); a converted lead follows the merge of its account ({@link TransferConvertedLead});
 * a pair found not to be duplicates is dismissed. The lead under test is {@link #LEAD_ID}: the duplicate when it
 * is merged, the survivor when it absorbs.
 */
class LeadMergeTest {

    private static final String LEAD_ID = "lead-42";
    /** The lead {@link #LEAD_ID} is merged into (as in {@code LeadTest}'s merged lead). */
    private static final String SURVIVOR_ID = "lead-survivor";
    /** The duplicate {@link #LEAD_ID} absorbs. */
    private static final String DUPLICATE_ID = "lead-9";
    private static final String OTHER_ID = "lead-43";
    private static final String EMAIL = "jeanne.martin@example.fr";
    private static final String ACCOUNT_ID = "account-7";
    private static final String CONTACT_ID = "contact-1";
    /** The account {@link #ACCOUNT_ID} was merged into. */
    private static final String SURVIVING_ACCOUNT_ID = "account-1";
    private static final Instant NOW = Instant.parse("2025-03-10T10:00:00Z");

    /*
     * Who is who. Unless a test names the actor, commands are sent by MANAGER, who may act on the leads of
     * OWNER (who owns the leads of most histories here).
     *
     *   admin (administrator)        auditor, analyst, steward (read-only profiles; steward curates duplicates)
     *   director (sales manager)
     *   +-- manager (sales manager)
     *   |   +-- rep (OWNER), peer, rep-1 (sales reps), former (deactivated rep)
     *   +-- other-manager (sales manager)
     *       +-- other-rep (sales rep)
     */
    private static final String OWNER = "rep";
    private static final String MANAGER = "manager";
    private static final String DIRECTOR = "director";
    private static final String PEER = "peer";
    private static final String OTHER_MANAGER = "other-manager";
    private static final String OTHER_REP = "other-rep";
    private static final String ADMIN = "admin";
    private static final String AUDITOR = "auditor";
    private static final String ANALYST = "analyst";
    private static final String STEWARD = "steward";
    private static final String FORMER = "former";
    private static final String UNKNOWN = "nobody";
    private static final String SYSTEM = "system:lead-merge";

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory()
                .add(ADMIN, Profile.ADMINISTRATOR, null)
                .add(AUDITOR, Profile.AUDITOR, null)
                .add(ANALYST, Profile.ANALYST, null)
                .add(STEWARD, Profile.DATA_STEWARD, null)
                .add(DIRECTOR, Profile.SALES_MANAGER, null)
                .add(MANAGER, Profile.SALES_MANAGER, DIRECTOR)
                .add(OWNER, Profile.SALES_REP, MANAGER)
                .add(PEER, Profile.SALES_REP, MANAGER)
                .add("rep-1", Profile.SALES_REP, MANAGER)
                .addInactive(FORMER, Profile.SALES_REP, MANAGER)
                .add(OTHER_MANAGER, Profile.SALES_MANAGER, DIRECTOR)
                .add(OTHER_REP, Profile.SALES_REP, OTHER_MANAGER);
        fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(directory.authorization());
        fixture.registerCommandDispatchInterceptor(messages -> (index, message) ->
                message.getMetaData().containsKey(AuditMetadata.USER_ID)
                        ? message
                        : message.andMetaData(Map.of(AuditMetadata.USER_ID, MANAGER)));
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
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectExceptionMessage(containsString("Expected [0], but repository found [1]"));
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

    private static Map<String, Object> as(String actorId) {
        return Map.of(AuditMetadata.USER_ID, actorId);
    }

    private static LeadDetails emailOnly() {
        return details().email(EMAIL).build();
    }

    /** A lead captured for {@link #OWNER}, whom the default actor manages. */
    private static LeadCaptured owned(LeadDetails details) {
        return new LeadCaptured(LEAD_ID, details, LeadSource.WEB_FORM, null, null, OWNER);
    }

    /** A history that leaves the lead of {@link #OWNER} in {@code status}; it has one event per step taken. */
    private static List<Object> leadIn(LeadStatus status) {
        return leadIn(status, OWNER);
    }

    /**
     * A history that leaves the lead of {@code ownerId} (null: unassigned), with an e-mail alone, in
     * {@code status}: converted into {@link #CONTACT_ID} of {@link #ACCOUNT_ID}, or merged into
     * {@link #SURVIVOR_ID}.
     */
    private static List<Object> leadIn(LeadStatus status, String ownerId) {
        LeadCaptured captured = new LeadCaptured(LEAD_ID, emailOnly(), LeadSource.WEB_FORM, null, null, ownerId);
        return switch (status) {
            case NEW -> List.of(captured);
            case WORKING -> List.of(captured, new LeadWorkStarted(LEAD_ID));
            case QUALIFIED -> List.of(captured, new LeadQualified(LEAD_ID, LeadStatus.NEW));
            case DISQUALIFIED -> List.of(captured,
                    new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_NEED, null, LeadStatus.NEW));
            case CONVERTED -> List.of(captured, new LeadQualified(LEAD_ID, LeadStatus.NEW),
                    new LeadConverted(LEAD_ID, ACCOUNT_ID, CONTACT_ID, LeadStatus.QUALIFIED));
            case MERGED -> List.of(captured, new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), LeadStatus.NEW));
        };
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    private static DetailsBuilder details() {
        return new DetailsBuilder();
    }

    /** Builds lead details field by field; unset fields stay null. */
    private static final class DetailsBuilder {
        private String firstName;
        private String lastName;
        private String email;
        private String phone;
        private String company;
        private String city;

        DetailsBuilder firstName(String value) {
            firstName = value;
            return this;
        }

        DetailsBuilder lastName(String value) {
            lastName = value;
            return this;
        }

        DetailsBuilder email(String value) {
            email = value;
            return this;
        }

        DetailsBuilder phone(String value) {
            phone = value;
            return this;
        }

        DetailsBuilder company(String value) {
            company = value;
            return this;
        }

        DetailsBuilder city(String value) {
            city = value;
            return this;
        }

        LeadDetails build() {
            return new LeadDetails(firstName, lastName, email, phone, company, null, null, null, city, null, null,
                    null, null);
        }
    }

    /** Matches an {@link InvalidFieldException} for {@code field} with the stable {@code code}. */
    private static Matcher<InvalidFieldException> invalidField(String field, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidFieldException e) {
                return field.equals(e.field()) && code.equals(e.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidFieldException with field ").appendValue(field)
                        .appendText(" and code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(InvalidFieldException e, Description description) {
                description.appendText("had field ").appendValue(e.field()).appendText(" and code ")
                        .appendValue(e.code());
            }
        };
    }

    /** Matches a {@link NotPermittedException}. */
    private static Matcher<Throwable> forbidden() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof NotPermittedException refused && "forbidden".equals(refused.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("NotPermittedException");
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description description) {
                description.appendText("was ").appendValue(e);
            }
        };
    }

    /** Matches a {@link RecordNotFoundException} for the lead, as answered to who may not see it. */
    private static Matcher<Throwable> notFound() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof RecordNotFoundException refused && "not-found".equals(refused.code())
                        && ("No record exists with id " + LEAD_ID).equals(refused.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RecordNotFoundException for ").appendValue(LEAD_ID);
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description description) {
                description.appendText("was ").appendValue(e);
            }
        };
    }

    /** Matches an {@link InvalidTransitionException} refused because the lead is in {@code status}. */
    private static Matcher<InvalidTransitionException> invalidTransition(LeadStatus status) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidTransitionException e) {
                return "invalid-transition".equals(e.code()) && status.name().equals(e.currentState());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidTransitionException from status ").appendValue(status.name());
            }

            @Override
            protected void describeMismatchSafely(InvalidTransitionException e, Description description) {
                description.appendText("had code ").appendValue(e.code()).appendText(" and status ")
                        .appendValue(e.currentState());
            }
        };
    }
}
