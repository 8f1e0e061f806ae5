package io.relais.organisation;

import io.relais.common.AuditMetadata;
import io.relais.common.CompanySize;
import io.relais.common.ConflictException;
import io.relais.common.DomainException;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.organisation.TestOrganisation.FORMER_ADMIN;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

class OrganisationTest {

    private static final String SYSTEM = "system:bootstrap";
    private static final String ROUTING = "system:lead-routing";
    private static final String REP_2 = "rep-2";
    private static final String REP_3 = "rep-3";

    private static final String NORTH = "north";
    private static final String SOUTH = "south";
    private static final String EAST = "east";
    private static final TerritoryCriteria FRANCE = new TerritoryCriteria("FR", null, null, null);

    private FixtureConfiguration<Organisation> fixture;
    /** Open leads per owner, as {@link OwnedRecords} answers them. */
    private final Map<String, List<String>> openLeads = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory(TestOrganisation.salesTeam()
                .add(REP_2, Profile.SALES_REP, MANAGER)).authorization());
        fixture.registerInjectableResource((OwnedRecords) userId -> openLeads.getOrDefault(userId, List.of()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // FoundOrganisation
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Found {

        @Test
        void foundsTheOrganisationWithItsFirstAdministrator() {
            fixture.givenNoPriorActivity()
                    .when(new FoundOrganisation(ADMIN, "Admin"), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrganisationFounded(ADMIN),
                            new UserRegistered(ADMIN, "Admin", null, Profile.ADMINISTRATOR, null))
                    .expectResultMessagePayload(OrganisationIds.ORGANISATION_ID);
        }

        @Test
        void trimsTheDisplayName() {
            fixture.givenNoPriorActivity()
                    .when(new FoundOrganisation(" admin ", "  Admin  "), as(SYSTEM))
                    .expectEvents(new OrganisationFounded(ADMIN),
                            new UserRegistered(ADMIN, "Admin", null, Profile.ADMINISTRATOR, null));
        }

        @Test
        void theFoundedOrganisationAcceptsCommands() {
            fixture.givenCommands(asCommand(new FoundOrganisation(ADMIN, "Admin"), SYSTEM))
                    .when(new CreateTerritory(NORTH, "North"), as(ADMIN))
                    .expectEvents(new TerritoryCreated(NORTH, "North"))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, DIRECTOR, "nobody"})
        void refusesAnActorOtherThanTheSystem(String actor) {
            fixture.givenNoPriorActivity()
                    .when(new FoundOrganisation(ADMIN, "Admin"), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesACommandWithoutActor() {
            fixture.givenNoPriorActivity()
                    .when(new FoundOrganisation(ADMIN, "Admin"))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {"Admin", "a", "ad min", "system:admin"})
        void refusesAnInvalidAdministratorId(String administratorId) {
            fixture.givenNoPriorActivity()
                    .when(new FoundOrganisation(administratorId, "Admin"), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("administratorId", "invalid-user-id"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingAdministratorId(String administratorId) {
            fixture.givenNoPriorActivity()
                    .when(new FoundOrganisation(administratorId, "Admin"), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("administratorId", "required"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingDisplayName(String displayName) {
            fixture.givenNoPriorActivity()
                    .when(new FoundOrganisation(ADMIN, displayName), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("displayName", "required"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Only administrators (and the system) manage the organisation
    // ---------------------------------------------------------------------------------------------------------

    /** Every administration command, each valid in {@link #withTerritories()}. */
    static Stream<Arguments> administrationCommands() {
        return Stream.of(
                new RegisterUser("new-rep", "New Rep", null, Profile.SALES_REP, MANAGER),
                new ChangeUserProfile(REP, Profile.SALES_MANAGER),
                new MoveUser(REP, DIRECTOR),
                new DeactivateUser(REP_3, null),
                new ReactivateUser(REP_3),
                new ReassignRecords(REP, REP_2),
                new CreateTerritory("west", "West"),
                new AddTerritoryRule(NORTH, "rule-9", 10, FRANCE),
                new RemoveTerritoryRule(NORTH, "rule-1"),
                new AddTerritoryMember(NORTH, REP_2),
                new RemoveTerritoryMember(NORTH, REP),
                new SetDefaultLeadOwner(REP_2),
                new EvictDeadLetter("leads", "event-1", "LeadDetailsUpdated", "lead-1", "java.lang.IllegalStateException",
                        "The value was mended by hand")
        ).map(command -> Arguments.of(command.getClass().getSimpleName(), command));
    }

    static Stream<Arguments> administrationCommandsByNonAdministrators() {
        List<String> actors = List.of(DIRECTOR, MANAGER, REP, AUDITOR, ANALYST, STEWARD, FORMER_ADMIN, UNKNOWN);
        return administrationCommands().flatMap(command -> actors.stream()
                .map(actor -> Arguments.of(command.get()[0], actor, command.get()[1])));
    }

    @Nested
    class AdministrationRights {

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.organisation.OrganisationTest#administrationCommandsByNonAdministrators")
        void refusesAnActorWhoIsNotAnActiveAdministrator(String name, String actor, Object command) {
            fixture.given(withTerritories())
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.organisation.OrganisationTest#administrationCommands")
        void refusesACommandWithoutActor(String name, Object command) {
            fixture.given(withTerritories())
                    .when(command)
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.organisation.OrganisationTest#administrationCommands")
        void acceptsAnAdministrator(String name, Object command) {
            fixture.given(historyFor(command))
                    .when(command, as(ADMIN))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.organisation.OrganisationTest#administrationCommands")
        void acceptsTheSystem(String name, Object command) {
            fixture.given(historyFor(command))
                    .when(command, as(SYSTEM))
                    .expectSuccessfulHandlerExecution();
        }

        /** {@link #withTerritories()}, where the user to reactivate is inactive. */
        private List<Object> historyFor(Object command) {
            List<Object> history = new ArrayList<>(withTerritories());
            if (command instanceof ReactivateUser) {
                history.add(new UserDeactivated(REP_3, null));
            }
            return history;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // RegisterUser
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Register {

        @Test
        void registersAUserWithoutManager() {
            fixture.given(founded())
                    .when(new RegisterUser(DIRECTOR, "Diane Director", null, Profile.SALES_MANAGER, null), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserRegistered(DIRECTOR, "Diane Director", null, Profile.SALES_MANAGER, null))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void registersAUserReportingToASalesManager() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new RegisterUser("nina", "Nina New", "nina@example.fr", Profile.SALES_REP, MANAGER),
                            as(ADMIN))
                    .expectEvents(new UserRegistered("nina", "Nina New", "nina@example.fr", Profile.SALES_REP,
                            MANAGER))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void registersAUserReportingToAnAdministrator() {
            fixture.given(founded())
                    .when(new RegisterUser(DIRECTOR, "Diane Director", null, Profile.SALES_MANAGER, ADMIN), as(ADMIN))
                    .expectEvents(new UserRegistered(DIRECTOR, "Diane Director", null, Profile.SALES_MANAGER, ADMIN));
        }

        @ParameterizedTest
        @EnumSource(Profile.class)
        void registersEveryProfile(Profile profile) {
            fixture.given(founded())
                    .when(new RegisterUser("someone", "Some One", null, profile, null), as(ADMIN))
                    .expectEvents(new UserRegistered("someone", "Some One", null, profile, null));
        }

        @Test
        void trimsTheValues() {
            fixture.given(team())
                    .when(new RegisterUser("  nina ", "  Nina New ", " nina@example.fr ", Profile.SALES_REP, MANAGER),
                            as(ADMIN))
                    .expectEvents(new UserRegistered("nina", "Nina New", "nina@example.fr", Profile.SALES_REP,
                            MANAGER));
        }

        @Test
        void turnsABlankEmailIntoNull() {
            fixture.given(team())
                    .when(new RegisterUser("nina", "Nina New", "   ", Profile.SALES_REP, MANAGER), as(ADMIN))
                    .expectEvents(new UserRegistered("nina", "Nina New", null, Profile.SALES_REP, MANAGER));
        }

        @Test
        void refusesAnExistingUserId() {
            fixture.given(team())
                    .when(new RegisterUser(REP, "Another Rep", null, Profile.SALES_REP, MANAGER), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("userId", "user-exists"));
        }

        @Test
        void refusesTheIdOfADeactivatedUser() {
            fixture.given(team(new UserDeactivated(REP_3, null)))
                    .when(new RegisterUser(REP_3, "Another Rep", null, Profile.SALES_REP, MANAGER), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("userId", "user-exists"));
        }

        @Test
        void refusesAnUnknownManager() {
            fixture.given(team())
                    .when(new RegisterUser("nina", "Nina New", null, Profile.SALES_REP, "nobody"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("managerId", "unknown-manager"));
        }

        @Test
        void refusesADeactivatedManager() {
            fixture.given(team(new UserRegistered("old-boss", "Old Boss", null, Profile.SALES_MANAGER, null),
                            new UserDeactivated("old-boss", null)))
                    .when(new RegisterUser("nina", "Nina New", null, Profile.SALES_REP, "old-boss"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("managerId", "unknown-manager"));
        }

        @ParameterizedTest
        @ValueSource(strings = {REP, AUDITOR})
        void refusesAManagerWhoseProfileHasNoReports(String managerId) {
            fixture.given(team())
                    .when(new RegisterUser("nina", "Nina New", null, Profile.SALES_REP, managerId), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("managerId", "not-a-manager"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Nina", "n", "nina new", "nina@example", "system:nina", "-nina"})
        void refusesAnInvalidUserId(String userId) {
            fixture.given(team())
                    .when(new RegisterUser(userId, "Nina New", null, Profile.SALES_REP, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "invalid-user-id"));
        }

        @Test
        void refusesATooLongUserId() {
            fixture.given(team())
                    .when(new RegisterUser("n".repeat(65), "Nina New", null, Profile.SALES_REP, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "too-long"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void refusesAMissingUserId(String userId) {
            fixture.given(team())
                    .when(new RegisterUser(userId, "Nina New", null, Profile.SALES_REP, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "required"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void refusesAMissingDisplayName(String displayName) {
            fixture.given(team())
                    .when(new RegisterUser("nina", displayName, null, Profile.SALES_REP, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("displayName", "required"));
        }

        @Test
        void refusesATooLongDisplayName() {
            fixture.given(team())
                    .when(new RegisterUser("nina", "x".repeat(101), null, Profile.SALES_REP, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("displayName", "too-long"));
        }

        @Test
        void refusesAnInvalidEmail() {
            fixture.given(team())
                    .when(new RegisterUser("nina", "Nina New", "nina@", Profile.SALES_REP, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("email", "invalid-email"));
        }

        @Test
        void refusesAMissingProfile() {
            fixture.given(team())
                    .when(new RegisterUser("nina", "Nina New", null, null, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("profile", "required"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ChangeUserProfile
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class ChangeProfile {

        @Test
        void changesTheProfileNamingThePreviousOne() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new ChangeUserProfile(REP, Profile.SALES_MANAGER), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserProfileChanged(REP, Profile.SALES_MANAGER, Profile.SALES_REP))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void theNewProfileCounts() {
            fixture.given(team(new UserProfileChanged(REP, Profile.SALES_MANAGER, Profile.SALES_REP)))
                    .when(new RegisterUser("nina", "Nina New", null, Profile.SALES_REP, REP), as(ADMIN))
                    .expectEvents(new UserRegistered("nina", "Nina New", null, Profile.SALES_REP, REP));
        }

        @Test
        void sameProfileEmitsNothingAndAnswersTheCurrentVersion() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new ChangeUserProfile(REP, Profile.SALES_REP), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload((long) history.size() - 1);
        }

        @Test
        void sameProfileEmitsNothingEvenForTheLastAdministrator() {
            fixture.given(founded())
                    .when(new ChangeUserProfile(ADMIN, Profile.ADMINISTRATOR), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void promotesARepToAdministrator() {
            fixture.given(team())
                    .when(new ChangeUserProfile(REP, Profile.ADMINISTRATOR), as(ADMIN))
                    .expectEvents(new UserProfileChanged(REP, Profile.ADMINISTRATOR, Profile.SALES_REP));
        }

        @ParameterizedTest
        @EnumSource(value = Profile.class, names = {"SALES_REP", "AUDITOR", "ANALYST", "DATA_STEWARD"})
        void refusesAProfileWithoutReportsForAManagerWithActiveReports(Profile profile) {
            fixture.given(team())
                    .when(new ChangeUserProfile(MANAGER, profile), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("profile", "has-direct-reports"));
        }

        @Test
        void letsAManagerWithReportsBecomeAdministrator() {
            fixture.given(team())
                    .when(new ChangeUserProfile(MANAGER, Profile.ADMINISTRATOR), as(ADMIN))
                    .expectEvents(new UserProfileChanged(MANAGER, Profile.ADMINISTRATOR, Profile.SALES_MANAGER));
        }

        @Test
        void ignoresReportsWhoAreDeactivated() {
            fixture.given(team(new UserRegistered("lead", "Team Lead", null, Profile.SALES_MANAGER, DIRECTOR),
                            new UserRegistered("gone", "Gone Rep", null, Profile.SALES_REP, "lead"),
                            new UserDeactivated("gone", null)))
                    .when(new ChangeUserProfile("lead", Profile.SALES_REP), as(ADMIN))
                    .expectEvents(new UserProfileChanged("lead", Profile.SALES_REP, Profile.SALES_MANAGER));
        }

        @ParameterizedTest
        @EnumSource(value = Profile.class, names = {"AUDITOR", "ANALYST", "DATA_STEWARD"})
        void refusesAProfileThatCannotOwnRecordsForATerritoryRep(Profile profile) {
            fixture.given(team(territory(NORTH), member(NORTH, REP)))
                    .when(new ChangeUserProfile(REP, profile), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("profile", "receives-leads"));
        }

        @Test
        void refusesAProfileThatCannotOwnRecordsForTheDefaultLeadOwner() {
            fixture.given(team(new DefaultLeadOwnerChanged(REP, null)))
                    .when(new ChangeUserProfile(REP, Profile.ANALYST), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("profile", "receives-leads"));
        }

        @Test
        void letsATerritoryRepBecomeAManager() {
            fixture.given(team(territory(NORTH), member(NORTH, REP), new DefaultLeadOwnerChanged(REP, null)))
                    .when(new ChangeUserProfile(REP, Profile.SALES_MANAGER), as(ADMIN))
                    .expectEvents(new UserProfileChanged(REP, Profile.SALES_MANAGER, Profile.SALES_REP));
        }

        @Test
        void letsAFormerTerritoryRepBecomeAnAuditor() {
            fixture.given(team(territory(NORTH), member(NORTH, REP), new TerritoryMemberRemoved(NORTH, REP),
                            new DefaultLeadOwnerChanged(REP, null), new DefaultLeadOwnerChanged(null, REP)))
                    .when(new ChangeUserProfile(REP, Profile.AUDITOR), as(ADMIN))
                    .expectEvents(new UserProfileChanged(REP, Profile.AUDITOR, Profile.SALES_REP));
        }

        @ParameterizedTest
        @EnumSource(value = Profile.class, names = {"AUDITOR", "ANALYST", "DATA_STEWARD"})
        void refusesAProfileThatCannotOwnRecordsForAnOwnerOfOpenLeads(Profile profile) {
            openLeads.put(REP, List.of("lead-1"));

            fixture.given(team())
                    .when(new ChangeUserProfile(REP, profile), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("profile", "open-records"));
        }

        @ParameterizedTest
        @EnumSource(value = Profile.class, names = {"AUDITOR", "ANALYST", "DATA_STEWARD"})
        void acceptsAProfileThatCannotOwnRecordsForAUserWithoutOpenLeads(Profile profile) {
            openLeads.put(REP_2, List.of("lead-1", "lead-2"));

            fixture.given(team())
                    .when(new ChangeUserProfile(REP, profile), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserProfileChanged(REP, profile, Profile.SALES_REP));
        }

        @ParameterizedTest
        @EnumSource(value = Profile.class, names = {"SALES_MANAGER", "ADMINISTRATOR"})
        void acceptsAProfileThatOwnsRecordsForAnOwnerOfOpenLeads(Profile profile) {
            openLeads.put(REP, List.of("lead-1", "lead-2"));

            fixture.given(team())
                    .when(new ChangeUserProfile(REP, profile), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserProfileChanged(REP, profile, Profile.SALES_REP));
        }

        @ParameterizedTest
        @EnumSource(value = Profile.class, names = {"SALES_REP", "SALES_MANAGER", "AUDITOR"})
        void refusesDemotingTheLastActiveAdministrator(Profile profile) {
            fixture.given(founded())
                    .when(new ChangeUserProfile(ADMIN, profile), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("userId", "last-administrator"));
        }

        @Test
        void refusesDemotingTheLastActiveAdministratorWhenTheOtherIsDeactivated() {
            fixture.given(founded(new UserRegistered("admin-2", "Second Admin", null, Profile.ADMINISTRATOR, null),
                            new UserDeactivated("admin-2", null)))
                    .when(new ChangeUserProfile(ADMIN, Profile.SALES_MANAGER), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("userId", "last-administrator"));
        }

        @Test
        void demotesAnAdministratorWhenAnotherRemains() {
            fixture.given(founded(new UserRegistered("admin-2", "Second Admin", null, Profile.ADMINISTRATOR, null)))
                    .when(new ChangeUserProfile(ADMIN, Profile.SALES_MANAGER), as(ADMIN))
                    .expectEvents(new UserProfileChanged(ADMIN, Profile.SALES_MANAGER, Profile.ADMINISTRATOR));
        }

        @Test
        void demotesADeactivatedAdministrator() {
            fixture.given(founded(new UserRegistered("admin-2", "Second Admin", null, Profile.ADMINISTRATOR, null),
                            new UserDeactivated("admin-2", null)))
                    .when(new ChangeUserProfile("admin-2", Profile.SALES_REP), as(ADMIN))
                    .expectEvents(new UserProfileChanged("admin-2", Profile.SALES_REP, Profile.ADMINISTRATOR));
        }

        @Test
        void refusesAnUnknownUser() {
            fixture.given(team())
                    .when(new ChangeUserProfile("nobody", Profile.SALES_REP), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound("nobody"));
        }

        @Test
        void refusesAMissingUserId() {
            fixture.given(team())
                    .when(new ChangeUserProfile(null, Profile.SALES_REP), as(ADMIN))
                    .expectNoEvents()
                    .expectException(RecordNotFoundException.class);
        }

        @Test
        void refusesAMissingProfile() {
            fixture.given(team())
                    .when(new ChangeUserProfile(REP, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("profile", "required"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // MoveUser
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Move {

        @Test
        void movesAUserToAnotherManager() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new MoveUser(REP, DIRECTOR), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserMoved(REP, DIRECTOR, MANAGER))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void movesAUserToNobody() {
            fixture.given(team())
                    .when(new MoveUser(REP, null), as(ADMIN))
                    .expectEvents(new UserMoved(REP, null, MANAGER));
        }

        @Test
        void givesAManagerToSomeoneWhoHadNone() {
            fixture.given(team())
                    .when(new MoveUser(AUDITOR, ADMIN), as(ADMIN))
                    .expectEvents(new UserMoved(AUDITOR, ADMIN, null));
        }

        @Test
        void theNewManagerCounts() {
            fixture.given(team(new UserMoved(REP, DIRECTOR, MANAGER)))
                    .when(new MoveUser(REP, MANAGER), as(ADMIN))
                    .expectEvents(new UserMoved(REP, MANAGER, DIRECTOR));
        }

        @Test
        void sameManagerEmitsNothingAndAnswersTheCurrentVersion() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new MoveUser(REP, MANAGER), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload((long) history.size() - 1);
        }

        @Test
        void noManagerForSomeoneWithoutEmitsNothing() {
            fixture.given(team())
                    .when(new MoveUser(DIRECTOR, null), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void movesADeactivatedUser() {
            fixture.given(team(new UserDeactivated(REP_3, null)))
                    .when(new MoveUser(REP_3, DIRECTOR), as(ADMIN))
                    .expectEvents(new UserMoved(REP_3, DIRECTOR, MANAGER));
        }

        @Test
        void refusesMakingAUserReportToThemselves() {
            fixture.given(team())
                    .when(new MoveUser(MANAGER, MANAGER), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("managerId", "hierarchy-cycle"))
                    .expectExceptionMessage("A user cannot report to themselves");
        }

        @Test
        void refusesMakingAUserReportToTheirDirectReport() {
            fixture.given(team())
                    .when(new MoveUser(DIRECTOR, MANAGER), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("managerId", "hierarchy-cycle"))
                    .expectExceptionMessage(MANAGER + " reports (directly or not) to " + DIRECTOR
                            + "; that would make a cycle");
        }

        @Test
        void refusesMakingAUserReportToSomeoneFurtherDownTheirLine() {
            fixture.given(team(new UserRegistered("lead", "Team Lead", null, Profile.SALES_MANAGER, MANAGER)))
                    .when(new MoveUser(DIRECTOR, "lead"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("managerId", "hierarchy-cycle"));
        }

        @Test
        void acceptsMovingAManagerUnderAPeer() {
            fixture.given(team(new UserRegistered("lead", "Team Lead", null, Profile.SALES_MANAGER, DIRECTOR)))
                    .when(new MoveUser("lead", MANAGER), as(ADMIN))
                    .expectEvents(new UserMoved("lead", MANAGER, DIRECTOR));
        }

        @Test
        void refusesAnUnknownManager() {
            fixture.given(team())
                    .when(new MoveUser(REP, "nobody"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("managerId", "unknown-manager"));
        }

        @Test
        void refusesADeactivatedManager() {
            fixture.given(team(new UserRegistered("old-boss", "Old Boss", null, Profile.SALES_MANAGER, null),
                            new UserDeactivated("old-boss", null)))
                    .when(new MoveUser(REP, "old-boss"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("managerId", "unknown-manager"));
        }

        @ParameterizedTest
        @ValueSource(strings = {REP_2, AUDITOR})
        void refusesAManagerWhoseProfileHasNoReports(String managerId) {
            fixture.given(team())
                    .when(new MoveUser(REP, managerId), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("managerId", "not-a-manager"));
        }

        @Test
        void refusesAnUnknownUser() {
            fixture.given(team())
                    .when(new MoveUser("nobody", MANAGER), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound("nobody"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // DeactivateUser
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Deactivate {

        @Test
        void deactivatesAUserWithoutOpenRecords() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new DeactivateUser(REP_3, null), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserDeactivated(REP_3, null))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void handsOpenRecordsToTheSuccessor() {
            openLeads.put(REP, List.of("lead-1", "lead-2"));

            fixture.given(team())
                    .when(new DeactivateUser(REP, REP_2), as(ADMIN))
                    .expectEvents(new UserDeactivated(REP, REP_2), new RecordsReassignmentRequested(REP, REP_2));
        }

        @Test
        void asksForReassignmentWheneverASuccessorIsNamed() {
            fixture.given(team())
                    .when(new DeactivateUser(REP, REP_2), as(ADMIN))
                    .expectEvents(new UserDeactivated(REP, REP_2), new RecordsReassignmentRequested(REP, REP_2));
        }

        @Test
        void takesTheUserOutOfEveryTerritoryAndTheDefaultOwnership() {
            openLeads.put(REP, List.of("lead-1"));
            List<Object> history = team(territory(NORTH), territory(SOUTH), territory(EAST),
                    member(NORTH, REP), member(SOUTH, REP_2), member(SOUTH, REP), member(EAST, REP_2),
                    new DefaultLeadOwnerChanged(REP, null));

            fixture.given(history)
                    .when(new DeactivateUser(REP, REP_2), as(ADMIN))
                    .expectEvents(new UserDeactivated(REP, REP_2),
                            new TerritoryMemberRemoved(NORTH, REP),
                            new TerritoryMemberRemoved(SOUTH, REP),
                            new DefaultLeadOwnerChanged(null, REP),
                            new RecordsReassignmentRequested(REP, REP_2))
                    .expectResultMessagePayload((long) history.size() + 4);
        }

        @Test
        void clearsTheDefaultOwnerWithoutSuccessor() {
            fixture.given(team(territory(NORTH), member(NORTH, REP_2), new DefaultLeadOwnerChanged(REP, null)))
                    .when(new DeactivateUser(REP, null), as(ADMIN))
                    .expectEvents(new UserDeactivated(REP, null), new DefaultLeadOwnerChanged(null, REP));
        }

        @Test
        void aDeactivatedUserNoLongerReceivesLeads() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP),
                            member(NORTH, REP_2)))
                    .andGivenCommands(asCommand(new DeactivateUser(REP, null), ADMIN))
                    .when(route("lead-1", lead("FR", null, null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-1", NORTH, "rule-1", REP_2));
        }

        @Test
        void refusesOpenRecordsWithoutSuccessor() {
            openLeads.put(REP, List.of("lead-1", "lead-2"));

            fixture.given(team())
                    .when(new DeactivateUser(REP, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("successorId", "open-records"))
                    .expectExceptionMessage(REP + " still owns 2 open record(s); name the successorId who takes "
                            + "them over");
        }

        @Test
        void refusesTheUserAsTheirOwnSuccessor() {
            fixture.given(team())
                    .when(new DeactivateUser(REP, REP), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("successorId", "same-user"));
        }

        @Test
        void refusesAnUnknownSuccessor() {
            fixture.given(team())
                    .when(new DeactivateUser(REP, "nobody"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("successorId", "unknown-user"));
        }

        @Test
        void refusesADeactivatedSuccessor() {
            fixture.given(team(new UserDeactivated(REP_3, null)))
                    .when(new DeactivateUser(REP, REP_3), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("successorId", "unknown-user"));
        }

        @Test
        void refusesASuccessorWhoCannotOwnRecords() {
            fixture.given(team())
                    .when(new DeactivateUser(REP, AUDITOR), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("successorId", "cannot-own-records"));
        }

        @Test
        void acceptsAManagerAsSuccessor() {
            fixture.given(team())
                    .when(new DeactivateUser(REP, MANAGER), as(ADMIN))
                    .expectEvents(new UserDeactivated(REP, MANAGER), new RecordsReassignmentRequested(REP, MANAGER));
        }

        @Test
        void refusesAUserWhoIsAlreadyInactive() {
            fixture.given(team(new UserDeactivated(REP_3, null)))
                    .when(new DeactivateUser(REP_3, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidTransition("INACTIVE"))
                    .expectExceptionMessage("Cannot deactivate a user when the status is INACTIVE");
        }

        @Test
        void refusesAManagerWithActiveReports() {
            fixture.given(team())
                    .when(new DeactivateUser(MANAGER, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("userId", "has-direct-reports"));
        }

        @Test
        void deactivatesAManagerWhoseReportsAreAllInactive() {
            fixture.given(team(new UserRegistered("lead", "Team Lead", null, Profile.SALES_MANAGER, DIRECTOR),
                            new UserRegistered("gone", "Gone Rep", null, Profile.SALES_REP, "lead"),
                            new UserDeactivated("gone", null)))
                    .when(new DeactivateUser("lead", null), as(ADMIN))
                    .expectEvents(new UserDeactivated("lead", null));
        }

        @Test
        void refusesTheLastActiveAdministrator() {
            fixture.given(founded())
                    .when(new DeactivateUser(ADMIN, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("userId", "last-administrator"));
        }

        @Test
        void refusesTheLastActiveAdministratorWhenTheOtherIsDeactivated() {
            fixture.given(founded(new UserRegistered("admin-2", "Second Admin", null, Profile.ADMINISTRATOR, null),
                            new UserDeactivated("admin-2", null)))
                    .when(new DeactivateUser(ADMIN, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("userId", "last-administrator"));
        }

        @Test
        void deactivatesAnAdministratorWhenAnotherRemains() {
            fixture.given(founded(new UserRegistered("admin-2", "Second Admin", null, Profile.ADMINISTRATOR, null)))
                    .when(new DeactivateUser(ADMIN, null), as(ADMIN))
                    .expectEvents(new UserDeactivated(ADMIN, null));
        }

        @Test
        void refusesAnUnknownUser() {
            fixture.given(team())
                    .when(new DeactivateUser("nobody", null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound("nobody"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ReactivateUser
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class EvictDeadLetters {

        @Test
        void recordsTheEvictionWithItsReasonAndNotTheFailuresMessage() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new EvictDeadLetter("leads", "event-7", "LeadDetailsUpdated", "lead-7",
                            "org.springframework.dao.DataIntegrityViolationException",
                            "  The address was corrected in the ERP instead  "), as(ADMIN))
                    .expectEvents(new DeadLetterEvicted("leads", "event-7", "LeadDetailsUpdated", "lead-7",
                            "org.springframework.dao.DataIntegrityViolationException",
                            "The address was corrected in the ERP instead"))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void anEventQueuedBehindAnotherHasNoCause() {
            fixture.given(team())
                    .when(new EvictDeadLetter("timeline", "event-8", "OrganisationFounded", null, null, "Not needed"),
                            as(ADMIN))
                    .expectEvents(new DeadLetterEvicted("timeline", "event-8", "OrganisationFounded", null, null,
                            "Not needed"));
        }

        @Test
        void refusesToEvictTheSameLetterTwiceButTheSameEventFromAnotherProjection() {
            List<Object> history = team(new DeadLetterEvicted("leads", "event-7", "LeadDetailsUpdated", "lead-7",
                    null, "Mended"));
            fixture.given(history)
                    .when(new EvictDeadLetter("leads", "event-7", "LeadDetailsUpdated", "lead-7", null, "Again"),
                            as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("eventId", "already-evicted"));
            fixture.given(history)
                    .when(new EvictDeadLetter("timeline", "event-7", "LeadDetailsUpdated", "lead-7", null, "Mended"),
                            as(ADMIN))
                    .expectEvents(new DeadLetterEvicted("timeline", "event-7", "LeadDetailsUpdated", "lead-7", null,
                            "Mended"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAnEvictionWithoutReason(String reason) {
            fixture.given(team())
                    .when(new EvictDeadLetter("leads", "event-7", "LeadDetailsUpdated", "lead-7", null, reason),
                            as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("reason", "required"));
        }

        @Test
        void refusesAReasonOfMoreThanFiveHundredCharacters() {
            fixture.given(team())
                    .when(new EvictDeadLetter("leads", "event-7", "LeadDetailsUpdated", "lead-7", null,
                            "x".repeat(501)), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("reason", "too-long"));
        }
    }

    @Nested
    class Reactivate {

        @Test
        void reactivatesADeactivatedUser() {
            List<Object> history = team(new UserDeactivated(REP_3, null));
            fixture.given(history)
                    .when(new ReactivateUser(REP_3), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserReactivated(REP_3))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void aReactivatedUserMayReceiveLeadsAgain() {
            fixture.given(team(territory(NORTH), new UserDeactivated(REP_3, null), new UserReactivated(REP_3)))
                    .when(new AddTerritoryMember(NORTH, REP_3), as(ADMIN))
                    .expectEvents(new TerritoryMemberAdded(NORTH, REP_3));
        }

        @Test
        void reactivatesAUserWithoutManager() {
            fixture.given(team(new UserDeactivated(AUDITOR, null)))
                    .when(new ReactivateUser(AUDITOR), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserReactivated(AUDITOR));
        }

        @Test
        void refusesAUserWhoseManagerIsInactive() {
            fixture.given(teamWithAnInactiveReport(new UserDeactivated("lead", null)))
                    .when(new ReactivateUser("gone"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("managerId", "manager-unavailable"));
        }

        @ParameterizedTest
        @EnumSource(value = Profile.class, names = {"SALES_REP", "AUDITOR", "ANALYST", "DATA_STEWARD"})
        void refusesAUserWhoseManagerNoLongerHasAManagerProfile(Profile profile) {
            fixture.given(teamWithAnInactiveReport(new UserProfileChanged("lead", profile, Profile.SALES_MANAGER)))
                    .when(new ReactivateUser("gone"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("managerId", "manager-unavailable"));
        }

        @Test
        void acceptsAManagerWhoBecameAdministrator() {
            fixture.given(teamWithAnInactiveReport(
                            new UserProfileChanged("lead", Profile.ADMINISTRATOR, Profile.SALES_MANAGER)))
                    .when(new ReactivateUser("gone"), as(ADMIN))
                    .expectEvents(new UserReactivated("gone"));
        }

        @Test
        void acceptsTheUserOnceTheirManagerIsReactivated() {
            fixture.given(teamWithAnInactiveReport(new UserDeactivated("lead", null), new UserReactivated("lead")))
                    .when(new ReactivateUser("gone"), as(ADMIN))
                    .expectEvents(new UserReactivated("gone"));
        }

        @Test
        void acceptsTheUserOnceMovedToAnotherManager() {
            fixture.given(teamWithAnInactiveReport(new UserDeactivated("lead", null),
                            new UserMoved("gone", DIRECTOR, "lead")))
                    .when(new ReactivateUser("gone"), as(ADMIN))
                    .expectEvents(new UserReactivated("gone"));
        }

        @Test
        void acceptsTheUserOnceMovedToNoManager() {
            fixture.given(teamWithAnInactiveReport(new UserProfileChanged("lead", Profile.SALES_REP,
                            Profile.SALES_MANAGER), new UserMoved("gone", null, "lead")))
                    .when(new ReactivateUser("gone"), as(ADMIN))
                    .expectEvents(new UserReactivated("gone"));
        }

        @Test
        void refusesAnActiveUser() {
            fixture.given(team())
                    .when(new ReactivateUser(REP), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidTransition("ACTIVE"))
                    .expectExceptionMessage("Cannot reactivate a user when the status is ACTIVE");
        }

        @Test
        void refusesAnUnknownUser() {
            fixture.given(team())
                    .when(new ReactivateUser("nobody"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound("nobody"));
        }

        /** {@link #team}, with a sales manager "lead" (under director) and a deactivated rep "gone" under them. */
        private List<Object> teamWithAnInactiveReport(Object... more) {
            return team(Stream.concat(Stream.of(
                            new UserRegistered("lead", "Team Lead", null, Profile.SALES_MANAGER, DIRECTOR),
                            new UserRegistered("gone", "Gone Rep", null, Profile.SALES_REP, "lead"),
                            new UserDeactivated("gone", null)), Arrays.stream(more))
                    .toArray());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ReassignRecords
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Reassign {

        @Test
        void asksForTheRecordsToMove() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new ReassignRecords(REP, REP_2), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new RecordsReassignmentRequested(REP, REP_2))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void movesTheRecordsOfADeactivatedUser() {
            fixture.given(team(new UserDeactivated(REP_3, null)))
                    .when(new ReassignRecords(REP_3, MANAGER), as(ADMIN))
                    .expectEvents(new RecordsReassignmentRequested(REP_3, MANAGER));
        }

        @Test
        void refusesTheSameUser() {
            fixture.given(team())
                    .when(new ReassignRecords(REP, REP), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("toUserId", "same-user"));
        }

        @Test
        void refusesAnUnknownRecipient() {
            fixture.given(team())
                    .when(new ReassignRecords(REP, "nobody"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("toUserId", "unknown-user"));
        }

        @Test
        void refusesAMissingRecipient() {
            fixture.given(team())
                    .when(new ReassignRecords(REP, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("toUserId", "unknown-user"));
        }

        @Test
        void refusesADeactivatedRecipient() {
            fixture.given(team(new UserDeactivated(REP_3, null)))
                    .when(new ReassignRecords(REP, REP_3), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("toUserId", "unknown-user"));
        }

        @Test
        void refusesARecipientWhoCannotOwnRecords() {
            fixture.given(team())
                    .when(new ReassignRecords(REP, AUDITOR), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("toUserId", "cannot-own-records"));
        }

        @Test
        void refusesAnUnknownOwner() {
            fixture.given(team())
                    .when(new ReassignRecords("nobody", REP_2), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound("nobody"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Territories
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class CreateTerritories {

        @Test
        void createsATerritory() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new CreateTerritory(NORTH, "North"), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TerritoryCreated(NORTH, "North"))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void trimsTheName() {
            fixture.given(team())
                    .when(new CreateTerritory(NORTH, "  North  "), as(ADMIN))
                    .expectEvents(new TerritoryCreated(NORTH, "North"));
        }

        /** Ids are stream keys, used exactly as given: surrounding spaces are refused, not trimmed. */
        @ParameterizedTest
        @ValueSource(strings = {" north ", " north", "north ", "\tnorth", "north\n"})
        void refusesATerritoryIdWithSurroundingSpaces(String territoryId) {
            fixture.given(team())
                    .when(new CreateTerritory(territoryId, "North"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("territoryId", "invalid-identifier"));
        }

        @Test
        void refusesATerritoryIdWithSurroundingSpacesEvenWhenTheTrimmedIdExists() {
            fixture.given(team(territory(NORTH)))
                    .when(new CreateTerritory(" north ", "North again"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("territoryId", "invalid-identifier"));
        }

        @Test
        void refusesAnExistingTerritoryId() {
            fixture.given(team(territory(NORTH)))
                    .when(new CreateTerritory(NORTH, "North again"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("territoryId", "territory-exists"));
        }

        @Test
        void refusesAnInvalidTerritoryId() {
            fixture.given(team())
                    .when(new CreateTerritory("north/west", "North West"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("territoryId", "invalid-identifier"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingTerritoryId(String territoryId) {
            fixture.given(team())
                    .when(new CreateTerritory(territoryId, "North"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("territoryId", "required"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingName(String name) {
            fixture.given(team())
                    .when(new CreateTerritory(NORTH, name), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("name", "required"));
        }

        @Test
        void refusesATooLongName() {
            fixture.given(team())
                    .when(new CreateTerritory(NORTH, "x".repeat(101)), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("name", "too-long"));
        }
    }

    @Nested
    class AddRules {

        @Test
        void addsARule() {
            List<Object> history = team(territory(NORTH));
            fixture.given(history)
                    .when(new AddTerritoryRule(NORTH, "rule-1", 10, FRANCE), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TerritoryRuleAdded(NORTH, "rule-1", 10, FRANCE))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void normalisesTheCriteria() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, " rule-1 ", 10,
                            new TerritoryCriteria(" fr ", " 69 ", " 62.01z ", CompanySize.SMALL)), as(ADMIN))
                    .expectEvents(new TerritoryRuleAdded(NORTH, "rule-1", 10,
                            new TerritoryCriteria("FR", "69", "62.01Z", CompanySize.SMALL)));
        }

        @Test
        void turnsBlankCriteriaIntoNull() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 10,
                            new TerritoryCriteria("  ", "75", " ", null)), as(ADMIN))
                    .expectEvents(new TerritoryRuleAdded(NORTH, "rule-1", 10,
                            new TerritoryCriteria(null, "75", null, null)));
        }

        @ParameterizedTest
        @MethodSource("io.relais.organisation.OrganisationTest#singleCriteria")
        void acceptsAnySingleCriterion(TerritoryCriteria criteria) {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 10, criteria), as(ADMIN))
                    .expectEvents(new TerritoryRuleAdded(NORTH, "rule-1", 10, criteria));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 10_000})
        void acceptsThePriorityBounds(int priority) {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", priority, FRANCE), as(ADMIN))
                    .expectEvents(new TerritoryRuleAdded(NORTH, "rule-1", priority, FRANCE));
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 10_001, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void refusesAPriorityOutOfBounds(int priority) {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", priority, FRANCE), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("priority", "invalid-priority"));
        }

        @Test
        void refusesMissingCriteria() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 10, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("criteria", "required"));
        }

        @Test
        void refusesARuleWithoutCriterion() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 10, new TerritoryCriteria(null, null, null, null)),
                            as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("country", "empty-rule"));
        }

        @Test
        void refusesARuleWhoseCriteriaAreOnlyBlank() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 10, new TerritoryCriteria(" ", "  ", "", null)),
                            as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("country", "empty-rule"));
        }

        @Test
        void refusesAnUnknownCountry() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 10, new TerritoryCriteria("XX", null, null, null)),
                            as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("country", "invalid-country"));
        }

        @Test
        void refusesAnInvalidPostalCodePrefix() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 10, new TerritoryCriteria(null, "69%", null, null)),
                            as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("postalCodePrefix", "invalid-prefix"));
        }

        @Test
        void refusesATooLongNafCodePrefix() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 10,
                            new TerritoryCriteria(null, null, "62.01ZZ", null)), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("nafCodePrefix", "too-long"));
        }

        @Test
        void refusesAnExistingRuleIdInTheTerritory() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE)))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 20, new TerritoryCriteria("BE", null, null, null)),
                            as(ADMIN))
                    .expectNoEvents()
                    .expectException(conflict("ruleId", "rule-exists"));
        }

        @Test
        void acceptsTheSameRuleIdInAnotherTerritory() {
            fixture.given(team(territory(NORTH), territory(SOUTH), rule(NORTH, "rule-1", 10, FRANCE)))
                    .when(new AddTerritoryRule(SOUTH, "rule-1", 10, FRANCE), as(ADMIN))
                    .expectEvents(new TerritoryRuleAdded(SOUTH, "rule-1", 10, FRANCE));
        }

        @Test
        void acceptsARuleIdAgainOnceRemoved() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            new TerritoryRuleRemoved(NORTH, "rule-1")))
                    .when(new AddTerritoryRule(NORTH, "rule-1", 20, FRANCE), as(ADMIN))
                    .expectEvents(new TerritoryRuleAdded(NORTH, "rule-1", 20, FRANCE));
        }

        @Test
        void refusesAnInvalidRuleId() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(NORTH, "rule 1", 10, FRANCE), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ruleId", "invalid-identifier"));
        }

        @Test
        void refusesAnUnknownTerritory() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(SOUTH, "rule-1", 10, FRANCE), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound(SOUTH));
        }

        @Test
        void refusesAMissingTerritory() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryRule(null, "rule-1", 10, FRANCE), as(ADMIN))
                    .expectNoEvents()
                    .expectException(RecordNotFoundException.class);
        }
    }

    static Stream<TerritoryCriteria> singleCriteria() {
        return Stream.of(new TerritoryCriteria("FR", null, null, null),
                new TerritoryCriteria(null, "69", null, null),
                new TerritoryCriteria(null, null, "62", null),
                new TerritoryCriteria(null, null, null, CompanySize.LARGE));
    }

    @Nested
    class RemoveRules {

        @Test
        void removesARule() {
            List<Object> history = team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE));
            fixture.given(history)
                    .when(new RemoveTerritoryRule(NORTH, "rule-1"), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TerritoryRuleRemoved(NORTH, "rule-1"))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void refusesAnUnknownRule() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE)))
                    .when(new RemoveTerritoryRule(NORTH, "rule-2"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound("rule-2"));
        }

        @Test
        void refusesARuleOfAnotherTerritory() {
            fixture.given(team(territory(NORTH), territory(SOUTH), rule(NORTH, "rule-1", 10, FRANCE)))
                    .when(new RemoveTerritoryRule(SOUTH, "rule-1"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound("rule-1"));
        }

        @Test
        void refusesARuleAlreadyRemoved() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            new TerritoryRuleRemoved(NORTH, "rule-1")))
                    .when(new RemoveTerritoryRule(NORTH, "rule-1"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound("rule-1"));
        }

        @Test
        void refusesAnUnknownTerritory() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE)))
                    .when(new RemoveTerritoryRule(SOUTH, "rule-1"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound(SOUTH));
        }
    }

    @Nested
    class AddMembers {

        @Test
        void addsAMember() {
            List<Object> history = team(territory(NORTH));
            fixture.given(history)
                    .when(new AddTerritoryMember(NORTH, REP), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TerritoryMemberAdded(NORTH, REP))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void addsAManager() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryMember(NORTH, MANAGER), as(ADMIN))
                    .expectEvents(new TerritoryMemberAdded(NORTH, MANAGER));
        }

        @Test
        void memberAlreadyPresentEmitsNothingAndAnswersTheCurrentVersion() {
            List<Object> history = team(territory(NORTH), member(NORTH, REP));
            fixture.given(history)
                    .when(new AddTerritoryMember(NORTH, REP), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload((long) history.size() - 1);
        }

        @Test
        void addsAMemberOfAnotherTerritory() {
            fixture.given(team(territory(NORTH), territory(SOUTH), member(NORTH, REP)))
                    .when(new AddTerritoryMember(SOUTH, REP), as(ADMIN))
                    .expectEvents(new TerritoryMemberAdded(SOUTH, REP));
        }

        @Test
        void refusesAnUnknownUser() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryMember(NORTH, "nobody"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "unknown-user"));
        }

        @Test
        void refusesADeactivatedUser() {
            fixture.given(team(territory(NORTH), new UserDeactivated(REP_3, null)))
                    .when(new AddTerritoryMember(NORTH, REP_3), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "unknown-user"));
        }

        @Test
        void refusesAUserWhoCannotOwnRecords() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryMember(NORTH, AUDITOR), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "cannot-own-records"));
        }

        @Test
        void refusesAnUnknownTerritory() {
            fixture.given(team(territory(NORTH)))
                    .when(new AddTerritoryMember(SOUTH, REP), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound(SOUTH));
        }
    }

    @Nested
    class RemoveMembers {

        @Test
        void removesAMember() {
            List<Object> history = team(territory(NORTH), member(NORTH, REP));
            fixture.given(history)
                    .when(new RemoveTerritoryMember(NORTH, REP), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TerritoryMemberRemoved(NORTH, REP))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void notAMemberEmitsNothing() {
            List<Object> history = team(territory(NORTH), member(NORTH, REP));
            fixture.given(history)
                    .when(new RemoveTerritoryMember(NORTH, REP_2), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload((long) history.size() - 1);
        }

        @Test
        void removedMemberEmitsNothingTheSecondTime() {
            fixture.given(team(territory(NORTH), member(NORTH, REP), new TerritoryMemberRemoved(NORTH, REP)))
                    .when(new RemoveTerritoryMember(NORTH, REP), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void removesADeactivatedUserStillListed() {
            fixture.given(team(territory(NORTH), member(NORTH, REP_3), new UserDeactivated(REP_3, null)))
                    .when(new RemoveTerritoryMember(NORTH, REP_3), as(ADMIN))
                    .expectEvents(new TerritoryMemberRemoved(NORTH, REP_3));
        }

        @Test
        void refusesAnUnknownTerritory() {
            fixture.given(team(territory(NORTH), member(NORTH, REP)))
                    .when(new RemoveTerritoryMember(SOUTH, REP), as(ADMIN))
                    .expectNoEvents()
                    .expectException(notFound(SOUTH));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // SetDefaultLeadOwner
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class DefaultOwner {

        @Test
        void setsTheFirstDefaultOwner() {
            List<Object> history = team();
            fixture.given(history)
                    .when(new SetDefaultLeadOwner(REP), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DefaultLeadOwnerChanged(REP, null))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void replacesTheDefaultOwner() {
            fixture.given(team(new DefaultLeadOwnerChanged(REP, null)))
                    .when(new SetDefaultLeadOwner(REP_2), as(ADMIN))
                    .expectEvents(new DefaultLeadOwnerChanged(REP_2, REP));
        }

        @Test
        void clearsTheDefaultOwner() {
            fixture.given(team(new DefaultLeadOwnerChanged(REP, null)))
                    .when(new SetDefaultLeadOwner(null), as(ADMIN))
                    .expectEvents(new DefaultLeadOwnerChanged(null, REP));
        }

        @Test
        void sameDefaultOwnerEmitsNothingAndAnswersTheCurrentVersion() {
            List<Object> history = team(new DefaultLeadOwnerChanged(REP, null));
            fixture.given(history)
                    .when(new SetDefaultLeadOwner(REP), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload((long) history.size() - 1);
        }

        @Test
        void clearingWhenThereIsNoDefaultOwnerEmitsNothing() {
            fixture.given(team())
                    .when(new SetDefaultLeadOwner(null), as(ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownUser() {
            fixture.given(team())
                    .when(new SetDefaultLeadOwner("nobody"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "unknown-user"));
        }

        @Test
        void refusesADeactivatedUser() {
            fixture.given(team(new UserDeactivated(REP_3, null)))
                    .when(new SetDefaultLeadOwner(REP_3), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "unknown-user"));
        }

        @Test
        void refusesAUserWhoCannotOwnRecords() {
            fixture.given(team())
                    .when(new SetDefaultLeadOwner(AUDITOR), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "cannot-own-records"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // RouteLead
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Route {

        @Test
        void routesToTheMemberOfTheMatchingTerritory() {
            List<Object> history = team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP));
            fixture.given(history)
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadRouted("lead-1", NORTH, "rule-1", REP))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void goesToNobodyWithoutTerritories() {
            List<Object> history = team();
            fixture.given(history)
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadRoutedToDefault("lead-1", null))
                    .expectResultMessagePayload((long) history.size());
        }

        @Test
        void goesToTheDefaultOwnerWhenNoRuleMatches() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP),
                            new DefaultLeadOwnerChanged(REP_2, null)))
                    .when(route("lead-1", lead("BE", "1000", null, null)), as(ROUTING))
                    .expectEvents(new LeadRoutedToDefault("lead-1", REP_2));
        }

        @Test
        void staysUnassignedWhenNoRuleMatchesAndThereIsNoDefaultOwner() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP),
                            new DefaultLeadOwnerChanged(REP_2, null), new DefaultLeadOwnerChanged(null, REP_2)))
                    .when(route("lead-1", lead("BE", "1000", null, null)), as(ROUTING))
                    .expectEvents(new LeadRoutedToDefault("lead-1", null));
        }

        @Test
        void theHighestPriorityWinsAcrossTerritories() {
            fixture.given(team(territory(NORTH), territory(SOUTH),
                            rule(NORTH, "country", 10, FRANCE),
                            rule(SOUTH, "rhone", 50, new TerritoryCriteria(null, "69", null, null)),
                            member(NORTH, REP), member(SOUTH, REP_2)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-1", SOUTH, "rhone", REP_2));
        }

        @Test
        void theHighestPriorityWinsWhateverTheOrderOfTheRules() {
            fixture.given(team(territory(NORTH), territory(SOUTH),
                            rule(NORTH, "rhone", 50, new TerritoryCriteria(null, "69", null, null)),
                            rule(SOUTH, "country", 10, FRANCE),
                            member(NORTH, REP), member(SOUTH, REP_2)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-1", NORTH, "rhone", REP));
        }

        @Test
        void theHighestPriorityWinsWithinATerritory() {
            fixture.given(team(territory(NORTH),
                            rule(NORTH, "country", 10, FRANCE),
                            rule(NORTH, "rhone", 11, new TerritoryCriteria(null, "69", null, null)),
                            member(NORTH, REP)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-1", NORTH, "rhone", REP));
        }

        @Test
        void aTieGoesToTheEarliestAddedRuleWhicheverTerritoryCameFirst() {
            fixture.given(team(territory(NORTH), territory(SOUTH),
                            rule(SOUTH, "south-rule", 10, FRANCE),
                            rule(NORTH, "north-rule", 10, new TerritoryCriteria(null, "69", null, null)),
                            member(NORTH, REP), member(SOUTH, REP_2)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-1", SOUTH, "south-rule", REP_2));
        }

        @Test
        void aTieWithinATerritoryGoesToTheEarliestAddedRule() {
            fixture.given(team(territory(NORTH),
                            rule(NORTH, "rule-b", 10, new TerritoryCriteria(null, "69", null, null)),
                            rule(NORTH, "rule-a", 10, FRANCE),
                            member(NORTH, REP)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-1", NORTH, "rule-b", REP));
        }

        @Test
        void aRuleAddedAgainCountsFromItsNewAddition() {
            fixture.given(team(territory(NORTH), territory(SOUTH),
                            rule(NORTH, "north-rule", 10, FRANCE),
                            rule(SOUTH, "south-rule", 10, FRANCE),
                            new TerritoryRuleRemoved(NORTH, "north-rule"),
                            rule(NORTH, "north-rule", 10, FRANCE),
                            member(NORTH, REP), member(SOUTH, REP_2)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-1", SOUTH, "south-rule", REP_2));
        }

        @Test
        void aRemovedRuleNoLongerMatches() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP),
                            new TerritoryRuleRemoved(NORTH, "rule-1")))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRoutedToDefault("lead-1", null));
        }

        @Test
        void skipsTerritoriesWithoutMembers() {
            fixture.given(team(territory(NORTH), territory(SOUTH),
                            rule(NORTH, "rhone", 100, new TerritoryCriteria(null, "69", null, null)),
                            rule(SOUTH, "country", 1, FRANCE),
                            member(SOUTH, REP_2)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-1", SOUTH, "country", REP_2));
        }

        @Test
        void skipsATerritoryWhoseMembersWereAllRemoved() {
            fixture.given(team(territory(NORTH), territory(SOUTH),
                            rule(NORTH, "rhone", 100, new TerritoryCriteria(null, "69", null, null)),
                            rule(SOUTH, "country", 1, FRANCE),
                            member(NORTH, REP), member(SOUTH, REP_2), new TerritoryMemberRemoved(NORTH, REP)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-1", SOUTH, "country", REP_2));
        }

        @Test
        void goesToTheDefaultOwnerWhenOnlyTerritoriesWithoutMembersMatch() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            new DefaultLeadOwnerChanged(REP_2, null)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRoutedToDefault("lead-1", REP_2));
        }

        @ParameterizedTest(name = "{0} / {1}: {2}")
        @MethodSource("io.relais.organisation.OrganisationTest#criteriaMatching")
        void matchesEveryCriterionOfARule(TerritoryCriteria criteria, LeadProfile lead, boolean matches) {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, criteria.validated()),
                            member(NORTH, REP)))
                    .when(route("lead-1", lead), as(ROUTING))
                    .expectEvents(matches
                            ? new LeadRouted("lead-1", NORTH, "rule-1", REP)
                            : new LeadRoutedToDefault("lead-1", null));
        }

        @ParameterizedTest(name = "after {0} lead(s)")
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
        void membersTakeTheTerritorysLeadsInTurn(int routedBefore) {
            List<String> members = List.of(REP, REP_2, REP_3);
            Object[] earlier = IntStream.range(0, routedBefore)
                    .mapToObj(i -> asCommand(route("earlier-" + i, lead("FR", "69001", null, null)), ROUTING))
                    .toArray();

            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            member(NORTH, REP), member(NORTH, REP_2), member(NORTH, REP_3)))
                    .andGivenCommands(earlier)
                    .when(route("lead-next", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-next", NORTH, "rule-1", members.get(routedBefore % 3)));
        }

        @Test
        void consecutiveLeadsGoToTheMembersInTurn() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            member(NORTH, REP), member(NORTH, REP_2), member(NORTH, REP_3)))
                    .andGivenCommands(asCommand(route("lead-1", lead("FR", "69001", null, null)), ROUTING),
                            asCommand(route("lead-2", lead("FR", "75001", null, null)), ROUTING),
                            asCommand(route("lead-3", lead("FR", "13001", null, null)), ROUTING))
                    .when(route("lead-4", lead("FR", "59000", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-4", NORTH, "rule-1", REP));

            List<String> owners = fixture.getEventStore().readEvents(OrganisationIds.ORGANISATION_ID).asStream()
                    .map(Message::getPayload)
                    .filter(LeadRouted.class::isInstance)
                    .map(payload -> ((LeadRouted) payload).leadId() + "=" + ((LeadRouted) payload).ownerId())
                    .toList();
            assertThat(owners).containsExactly("lead-1=" + REP, "lead-2=" + REP_2, "lead-3=" + REP_3,
                    "lead-4=" + REP);
        }

        @Test
        void turnsAreCountedPerTerritory() {
            fixture.given(team(territory(NORTH), territory(SOUTH),
                            rule(NORTH, "north-rule", 10, new TerritoryCriteria(null, "59", null, null)),
                            rule(SOUTH, "south-rule", 10, new TerritoryCriteria(null, "13", null, null)),
                            member(NORTH, REP), member(NORTH, REP_2), member(SOUTH, REP_3), member(SOUTH, MANAGER),
                            new LeadRouted("lead-1", NORTH, "north-rule", REP),
                            new LeadRouted("lead-2", SOUTH, "south-rule", REP_3),
                            new LeadRouted("lead-3", SOUTH, "south-rule", MANAGER)))
                    .when(route("lead-4", lead("FR", "59000", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-4", NORTH, "north-rule", REP_2));
        }

        @Test
        void leadsRoutedToTheDefaultOwnerTakeNoTurn() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            member(NORTH, REP), member(NORTH, REP_2),
                            new LeadRoutedToDefault("lead-1", null),
                            new LeadRoutedToDefault("lead-2", null)))
                    .when(route("lead-3", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-3", NORTH, "rule-1", REP));
        }

        @Test
        void aRemovedMemberTakesNoMoreTurns() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            member(NORTH, REP), member(NORTH, REP_2), member(NORTH, REP_3),
                            new LeadRouted("lead-1", NORTH, "rule-1", REP),
                            new TerritoryMemberRemoved(NORTH, REP_3)))
                    .when(route("lead-2", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-2", NORTH, "rule-1", REP_2));
        }

        @Test
        void aNewMemberJoinsTheEndOfTheTurns() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            member(NORTH, REP), member(NORTH, REP_2),
                            new LeadRouted("lead-1", NORTH, "rule-1", REP),
                            new LeadRouted("lead-2", NORTH, "rule-1", REP_2),
                            member(NORTH, REP_3)))
                    .when(route("lead-3", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-3", NORTH, "rule-1", REP_3));
        }

        /** Rep, rep-2 and rep-3 take turns; {@code routedBefore} leads were routed, then {@code removed} left. */
        @ParameterizedTest(name = "after {0} lead(s), removing {1}: {2} is next")
        @MethodSource("io.relais.organisation.OrganisationTest#memberRemovals")
        void removingAMemberSkipsNobody(int routedBefore, String removed, String next) {
            List<Object> earlier = new ArrayList<>();
            IntStream.range(0, routedBefore).forEach(i ->
                    earlier.add(asCommand(route("earlier-" + i, lead("FR", "69001", null, null)), ROUTING)));
            earlier.add(asCommand(new RemoveTerritoryMember(NORTH, removed), ADMIN));

            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            member(NORTH, REP), member(NORTH, REP_2), member(NORTH, REP_3)))
                    .andGivenCommands(earlier)
                    .when(route("lead-next", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-next", NORTH, "rule-1", next));
        }

        @Test
        void afterAnEarlierMemberIsRemovedTheTurnsGoOnInOrder() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            member(NORTH, REP), member(NORTH, REP_2), member(NORTH, REP_3)))
                    .andGivenCommands(asCommand(route("lead-1", lead("FR", "69001", null, null)), ROUTING),
                            asCommand(new RemoveTerritoryMember(NORTH, REP), ADMIN),
                            asCommand(route("lead-2", lead("FR", "69001", null, null)), ROUTING),
                            asCommand(route("lead-3", lead("FR", "69001", null, null)), ROUTING))
                    .when(route("lead-4", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-4", NORTH, "rule-1", REP_2));

            assertThat(routedOwners()).containsExactly("lead-1=" + REP, "lead-2=" + REP_2, "lead-3=" + REP_3,
                    "lead-4=" + REP_2);
        }

        @Test
        void afterTheNextMemberIsRemovedTheTurnsGoOnInOrder() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            member(NORTH, REP), member(NORTH, REP_2), member(NORTH, REP_3)))
                    .andGivenCommands(asCommand(route("lead-1", lead("FR", "69001", null, null)), ROUTING),
                            asCommand(new RemoveTerritoryMember(NORTH, REP_2), ADMIN),
                            asCommand(route("lead-2", lead("FR", "69001", null, null)), ROUTING),
                            asCommand(route("lead-3", lead("FR", "69001", null, null)), ROUTING))
                    .when(route("lead-4", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-4", NORTH, "rule-1", REP_3));

            assertThat(routedOwners()).containsExactly("lead-1=" + REP, "lead-2=" + REP_3, "lead-3=" + REP,
                    "lead-4=" + REP_3);
        }

        @Test
        void deactivatingAnEarlierMemberSkipsNobody() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE),
                            member(NORTH, REP), member(NORTH, REP_2), member(NORTH, REP_3)))
                    .andGivenCommands(asCommand(route("lead-1", lead("FR", "69001", null, null)), ROUTING),
                            asCommand(new DeactivateUser(REP, null), ADMIN))
                    .when(route("lead-2", lead("FR", "69001", null, null)), as(ROUTING))
                    .expectEvents(new LeadRouted("lead-2", NORTH, "rule-1", REP_2));
        }

        @Test
        void refusesAMissingLead() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP)))
                    .when(route("lead-1", null), as(ROUTING))
                    .expectNoEvents()
                    .expectException(invalidField("lead", "required"));
        }

        @Test
        void checksTheActorBeforeTheLead() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP)))
                    .when(route("lead-1", null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        /** The leads routed to a territory so far, as "leadId=ownerId", in order. */
        private List<String> routedOwners() {
            return fixture.getEventStore().readEvents(OrganisationIds.ORGANISATION_ID).asStream()
                    .map(Message::getPayload)
                    .filter(LeadRouted.class::isInstance)
                    .map(payload -> ((LeadRouted) payload).leadId() + "=" + ((LeadRouted) payload).ownerId())
                    .toList();
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, REP, "nobody"})
        void refusesAnActorOtherThanTheSystem(String actor) {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP)))
                    .when(route("lead-1", lead("FR", "69001", null, null)), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesACommandWithoutActor() {
            fixture.given(team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP)))
                    .when(route("lead-1", lead("FR", "69001", null, null)))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    /**
     * Each case, for a territory whose members are rep, rep-2 and rep-3 in that order: the number of leads
     * routed to it, the member then removed, and the member who takes the next lead.
     */
    static Stream<Arguments> memberRemovals() {
        return Stream.of(
                // rep-2 is next: removing someone before them, them, or someone after them
                Arguments.of(1, REP, REP_2),
                Arguments.of(1, REP_2, REP_3),
                Arguments.of(1, REP_3, REP_2),
                // rep is next
                Arguments.of(0, REP, REP_2),
                Arguments.of(0, REP_2, REP),
                Arguments.of(3, REP_3, REP),
                // rep-3 is next
                Arguments.of(2, REP, REP_3),
                Arguments.of(2, REP_2, REP_3),
                Arguments.of(2, REP_3, REP),
                // after more leads than members: rep-2 is next
                Arguments.of(4, REP, REP_2),
                Arguments.of(4, REP_2, REP_3));
    }

    /** Each case: a rule's criteria (before validation), a lead, and whether the rule matches the lead. */
    static Stream<Arguments> criteriaMatching() {
        return Stream.of(
                // country
                Arguments.of(criteria("FR", null, null, null), lead("FR", null, null, null), true),
                Arguments.of(criteria("fr", null, null, null), lead("FR", null, null, null), true),
                Arguments.of(criteria("FR", null, null, null), lead("BE", null, null, null), false),
                Arguments.of(criteria("FR", null, null, null), lead(null, "69001", null, null), false),
                // postal code prefix
                Arguments.of(criteria(null, "69", null, null), lead("FR", "69001", null, null), true),
                Arguments.of(criteria(null, "69001", null, null), lead("FR", "69001", null, null), true),
                Arguments.of(criteria(null, "69", null, null), lead("FR", "75069", null, null), false),
                Arguments.of(criteria(null, "690", null, null), lead("FR", "69 001", null, null), true),
                Arguments.of(criteria(null, "sw1", null, null), lead("GB", "SW1A 1AA", null, null), true),
                Arguments.of(criteria(null, "69", null, null), lead("FR", null, null, null), false),
                // NAF code prefix, dots ignored on both sides
                Arguments.of(criteria(null, null, "62", null), lead("FR", null, "62.01Z", null), true),
                Arguments.of(criteria(null, null, "62.0", null), lead("FR", null, "62.01Z", null), true),
                Arguments.of(criteria(null, null, "620", null), lead("FR", null, "62.01Z", null), true),
                Arguments.of(criteria(null, null, "6201z", null), lead("FR", null, "62.01Z", null), true),
                Arguments.of(criteria(null, null, "62.01Z", null), lead("FR", null, "62.01Z", null), true),
                Arguments.of(criteria(null, null, "62.01", null), lead("FR", null, "6201Z", null), true),
                Arguments.of(criteria(null, null, "63", null), lead("FR", null, "62.01Z", null), false),
                Arguments.of(criteria(null, null, "62.02", null), lead("FR", null, "62.01Z", null), false),
                Arguments.of(criteria(null, null, "62", null), lead("FR", null, null, null), false),
                // company size
                Arguments.of(criteria(null, null, null, CompanySize.SMALL), lead("FR", null, null, CompanySize.SMALL),
                        true),
                Arguments.of(criteria(null, null, null, CompanySize.SMALL), lead("FR", null, null, CompanySize.MEDIUM),
                        false),
                Arguments.of(criteria(null, null, null, CompanySize.SMALL), lead("FR", null, null, null), false),
                // every criterion of a rule must match
                Arguments.of(criteria("FR", "69", "62", CompanySize.SMALL),
                        lead("FR", "69001", "62.01Z", CompanySize.SMALL), true),
                Arguments.of(criteria("FR", "69", "62", CompanySize.SMALL),
                        lead("BE", "69001", "62.01Z", CompanySize.SMALL), false),
                Arguments.of(criteria("FR", "69", "62", CompanySize.SMALL),
                        lead("FR", "75001", "62.01Z", CompanySize.SMALL), false),
                Arguments.of(criteria("FR", "69", "62", CompanySize.SMALL),
                        lead("FR", "69001", "47.11A", CompanySize.SMALL), false),
                Arguments.of(criteria("FR", "69", "62", CompanySize.SMALL),
                        lead("FR", "69001", "62.01Z", CompanySize.LARGE), false),
                Arguments.of(criteria("FR", null, null, CompanySize.SMALL), lead("FR", "69001", null, null), false));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    private static Map<String, Object> as(String actorId) {
        return Map.of(AuditMetadata.USER_ID, actorId);
    }

    private static CommandMessage<Object> asCommand(Object command, String actorId) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(as(actorId));
    }

    /** The organisation as founded: its first administrator, version 1. */
    private static List<Object> founded(Object... more) {
        List<Object> events = new ArrayList<>(List.of(new OrganisationFounded(ADMIN),
                new UserRegistered(ADMIN, "Admin", null, Profile.ADMINISTRATOR, null)));
        events.addAll(Arrays.asList(more));
        return events;
    }

    /**
     * A small organisation: admin; director (sales manager) &gt; manager (sales manager) &gt; rep, rep-2 and
     * rep-3 (sales reps); an auditor; followed by {@code more}.
     */
    private static List<Object> team(Object... more) {
        List<Object> events = founded(
                new UserRegistered(DIRECTOR, "Diane Director", null, Profile.SALES_MANAGER, null),
                new UserRegistered(MANAGER, "Marc Manager", "marc@example.fr", Profile.SALES_MANAGER, DIRECTOR),
                new UserRegistered(REP, "Rita Rep", null, Profile.SALES_REP, MANAGER),
                new UserRegistered(REP_2, "Remi Rep", null, Profile.SALES_REP, MANAGER),
                new UserRegistered(REP_3, "Rose Rep", null, Profile.SALES_REP, MANAGER),
                new UserRegistered(AUDITOR, "Aude Auditor", null, Profile.AUDITOR, null));
        events.addAll(Arrays.asList(more));
        return events;
    }

    /** {@link #team} with a territory north (rule-1: France; member rep) and an empty territory south. */
    private static List<Object> withTerritories() {
        return team(territory(NORTH), rule(NORTH, "rule-1", 10, FRANCE), member(NORTH, REP), territory(SOUTH));
    }

    private static TerritoryCreated territory(String territoryId) {
        return new TerritoryCreated(territoryId, territoryId.substring(0, 1).toUpperCase() + territoryId.substring(1));
    }

    private static TerritoryRuleAdded rule(String territoryId, String ruleId, int priority,
                                           TerritoryCriteria criteria) {
        return new TerritoryRuleAdded(territoryId, ruleId, priority, criteria);
    }

    private static TerritoryMemberAdded member(String territoryId, String userId) {
        return new TerritoryMemberAdded(territoryId, userId);
    }

    private static TerritoryCriteria criteria(String country, String postalCodePrefix, String nafCodePrefix,
                                              CompanySize companySize) {
        return new TerritoryCriteria(country, postalCodePrefix, nafCodePrefix, companySize);
    }

    private static LeadProfile lead(String country, String postalCode, String nafCode, CompanySize companySize) {
        return new LeadProfile(country, postalCode, nafCode, companySize);
    }

    private static RouteLead route(String leadId, LeadProfile lead) {
        return new RouteLead(leadId, lead);
    }

    private static Matcher<Throwable> forbidden() {
        return refusal(NotPermittedException.class, "forbidden", null);
    }

    private static Matcher<Throwable> conflict(String field, String code) {
        return refusal(ConflictException.class, code, field);
    }

    private static Matcher<Throwable> invalidField(String field, String code) {
        return refusal(InvalidFieldException.class, code, field);
    }

    /** A {@link RecordNotFoundException} naming {@code id}. */
    private static Matcher<Throwable> notFound(String id) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof RecordNotFoundException notFound && "not-found".equals(notFound.code())
                        && ("No record exists with id " + id).equals(notFound.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RecordNotFoundException for id ").appendValue(id);
            }
        };
    }

    /** An {@link InvalidTransitionException} refused because the user is in {@code state}. */
    private static Matcher<Throwable> invalidTransition(String state) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof InvalidTransitionException transition
                        && "invalid-transition".equals(transition.code()) && state.equals(transition.currentState());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidTransitionException from state ").appendValue(state);
            }
        };
    }

    /** A refusal of {@code type} with the stable {@code code}, pointing at {@code field} (null: none). */
    private static Matcher<Throwable> refusal(Class<? extends DomainException> type, String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return type.isInstance(e) && code.equals(((DomainException) e).code())
                        && Objects.equals(field, ((DomainException) e).refusal().field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName()).appendText(" with code ").appendValue(code)
                        .appendText(" and field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description description) {
                if (e instanceof DomainException refused) {
                    description.appendText("was ").appendText(e.getClass().getSimpleName())
                            .appendText(" with code ").appendValue(refused.code())
                            .appendText(" and field ").appendValue(refused.refusal().field())
                            .appendText(": ").appendText(e.getMessage());
                } else {
                    description.appendText("was ").appendValue(e);
                }
            }
        };
    }
}
