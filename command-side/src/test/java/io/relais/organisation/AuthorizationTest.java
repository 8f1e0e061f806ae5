package io.relais.organisation;

import io.relais.common.InvalidFieldException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.organisation.TestOrganisation.FORMER_ADMIN;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authorisation rules on their own, without an aggregate: every rule of {@link Authorization} for every kind
 * of actor of {@link TestOrganisation#salesTeam()}, whose records are mostly the rep's. A record the actor may not
 * see is refused as not found, one they may see but not change as forbidden; the system may do anything.
 */
class AuthorizationTest {

    private static final String SYSTEM = "system:test";
    private static final String RECORD = "record-1";

    private final Authorization authorization = new InMemoryOrganisationDirectory(TestOrganisation.salesTeam())
            .authorization();

    @Nested
    class Visibility {

        @ParameterizedTest(name = "{0} sees a record of {1}")
        @CsvSource({
                REP + "," + REP + ",SALES_REP",
                MANAGER + "," + REP + ",SALES_MANAGER",
                DIRECTOR + "," + REP + ",SALES_MANAGER",
                DIRECTOR + "," + OTHER_REP + ",SALES_MANAGER",
                MANAGER + "," + FORMER + ",SALES_MANAGER",
                ADMIN + "," + OTHER_REP + ",ADMINISTRATOR",
                AUDITOR + "," + REP + ",AUDITOR",
                ANALYST + "," + REP + ",ANALYST",
                STEWARD + "," + REP + ",DATA_STEWARD"})
        void answersTheProfileOfWhoeverOwnsTheRecordOrIsAboveItsOwnerOrSeesEverything(String actor, String owner,
                                                                                     Profile profile) {
            assertThat(authorization.requireVisible(actor, owner, RECORD)).isEqualTo(profile);
        }

        @ParameterizedTest(name = "{0} does not see a record of {1}")
        @CsvSource({
                PEER + "," + REP,
                REP + "," + MANAGER,
                MANAGER + "," + DIRECTOR,
                MANAGER + "," + OTHER_REP,
                OTHER_MANAGER + "," + REP,
                OTHER_REP + "," + REP,
                FORMER + "," + FORMER,
                FORMER_ADMIN + "," + REP,
                UNKNOWN + "," + REP})
        void refusesEveryoneElseAsNotFound(String actor, String owner) {
            assertNotFound(() -> authorization.requireVisible(actor, owner, RECORD));
        }

        @Test
        void showsAnUnassignedRecordOnlyToProfilesThatSeeEverything() {
            assertThat(authorization.requireVisible(AUDITOR, null, RECORD)).isEqualTo(Profile.AUDITOR);
            assertThat(authorization.requireVisible(ADMIN, null, RECORD)).isEqualTo(Profile.ADMINISTRATOR);
            assertNotFound(() -> authorization.requireVisible(MANAGER, null, RECORD));
            assertNotFound(() -> authorization.requireVisible(REP, null, RECORD));
        }

        @Test
        void letsTheSystemSeeAnythingWithoutAProfile() {
            assertThat(authorization.requireVisible(SYSTEM, OTHER_REP, RECORD)).isNull();
        }
    }

    @Nested
    class Changes {

        @ParameterizedTest
        @ValueSource(strings = {REP, MANAGER, DIRECTOR, ADMIN, SYSTEM})
        void letTheOwnerThoseAboveThemAdministratorsAndTheSystemChangeARecord(String actor) {
            assertThatCode(() -> authorization.requireChange(actor, REP, RECORD)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void forbidReadOnlyProfilesToChangeWhatTheySee(String actor) {
            assertForbidden(() -> authorization.requireChange(actor, REP, RECORD), "may read records but not change");
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, OTHER_MANAGER, FORMER, UNKNOWN})
        void answerNotFoundToWhoeverDoesNotSeeTheRecord(String actor) {
            assertNotFound(() -> authorization.requireChange(actor, REP, RECORD));
        }

        @ParameterizedTest
        @ValueSource(strings = {REP, MANAGER, DIRECTOR, ADMIN, STEWARD, SYSTEM})
        void letDataStewardsCurateWhatOthersMayChange(String actor) {
            assertThatCode(() -> authorization.requireCurate(actor, REP, RECORD)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST})
        void forbidOtherReadOnlyProfilesToCurate(String actor) {
            assertForbidden(() -> authorization.requireCurate(actor, REP, RECORD), "may read records but not merge");
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, OTHER_MANAGER, UNKNOWN})
        void answerNotFoundToCuratorsWhoDoNotSeeTheRecord(String actor) {
            assertNotFound(() -> authorization.requireCurate(actor, REP, RECORD));
        }
    }

    @Nested
    class Creation {

        @ParameterizedTest(name = "{0}")
        @CsvSource({REP + ",SALES_REP", MANAGER + ",SALES_MANAGER", ADMIN + ",ADMINISTRATOR"})
        void letsActiveSalesUsersAndAdministratorsCreateRecords(String actor, Profile profile) {
            assertThat(authorization.requireCreate(actor)).isEqualTo(profile);
        }

        @Test
        void letsTheSystemCreateRecordsWithoutAProfile() {
            assertThat(authorization.requireCreate(SYSTEM)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void forbidsReadOnlyProfiles(String actor) {
            assertForbidden(() -> authorization.requireCreate(actor), "may read records but not create");
        }

        @ParameterizedTest
        @ValueSource(strings = {FORMER, FORMER_ADMIN, UNKNOWN})
        void forbidsWhoeverIsNotAnActiveUser(String actor) {
            assertForbidden(() -> authorization.requireCreate(actor), "Only active users may create records");
        }

        @ParameterizedTest(name = "{0}''s new record belongs to {1}")
        @CsvSource({REP + "," + REP, MANAGER + "," + MANAGER, ADMIN + ",", SYSTEM + ","})
        void makesASalesUsersNewRecordTheirsAndLeavesAnAdministratorsOrTheSystemsUnassigned(String actor,
                                                                                             String owner) {
            assertThat(authorization.requireNewRecordOwner(actor, null)).isEqualTo(owner);
            assertThat(authorization.requireNewRecordOwner(actor, " ")).isEqualTo(owner);
        }

        @Test
        void givesANewRecordToTheOwnerAskedForWhoMayReceiveIt() {
            assertThat(authorization.requireNewRecordOwner(MANAGER, REP)).isEqualTo(REP);
            assertForbidden(() -> authorization.requireNewRecordOwner(REP, PEER), "someone below you");
        }

        @Test
        void refusesAnOwnerIdThatIsNoUserId() {
            assertInvalidField(() -> authorization.requireNewRecordOwner(ADMIN, "Not an id!"), "ownerId",
                    "invalid-user-id");
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, UNKNOWN})
        void refusesAReadOnlyOrUnknownActorWhoAsksForNoOwner(String actor) {
            assertThatThrownBy(() -> authorization.requireNewRecordOwner(actor, null))
                    .isInstanceOf(NotPermittedException.class);
        }
    }

    @Nested
    class NewOwners {

        @ParameterizedTest(name = "{0} gives a record to {1}")
        @CsvSource({
                REP + "," + REP,
                MANAGER + "," + MANAGER,
                MANAGER + "," + PEER,
                DIRECTOR + "," + OTHER_REP,
                ADMIN + "," + OTHER_REP,
                ADMIN + "," + ADMIN,
                SYSTEM + "," + OTHER_REP})
        void letsAnActorGiveRecordsToThemselvesAndToThoseBelowThemAndAdministratorsAndTheSystemToAnyone(
                String actor, String owner) {
            assertThatCode(() -> authorization.requireNewOwner(actor, owner)).doesNotThrowAnyException();
        }

        @ParameterizedTest(name = "{0} gives a record to {1}")
        @CsvSource({
                REP + "," + PEER,
                REP + "," + MANAGER,
                MANAGER + "," + OTHER_REP,
                OTHER_MANAGER + "," + REP})
        void forbidsGivingRecordsToSomeoneOutsideTheActorsReach(String actor, String owner) {
            assertForbidden(() -> authorization.requireNewOwner(actor, owner), owner + " is not");
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void forbidsReadOnlyProfilesToAssign(String actor) {
            assertForbidden(() -> authorization.requireNewOwner(actor, REP), "profile may not assign records");
        }

        @ParameterizedTest
        @ValueSource(strings = {FORMER, FORMER_ADMIN, UNKNOWN})
        void forbidsWhoeverIsNotAnActiveUserToAssign(String actor) {
            assertForbidden(() -> authorization.requireNewOwner(actor, REP), "Only active users may assign records");
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, MANAGER, SYSTEM})
        void refusesAnOwnerWhoIsNotAnActiveUser(String actor) {
            assertInvalidField(() -> authorization.requireNewOwner(actor, FORMER), "ownerId", "unknown-owner");
            assertInvalidField(() -> authorization.requireNewOwner(actor, UNKNOWN), "ownerId", "unknown-owner");
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAnOwnerWhoseProfileCannotOwnRecords(String owner) {
            assertInvalidField(() -> authorization.requireNewOwner(ADMIN, owner), "ownerId",
                    "owner-cannot-own-records");
            assertInvalidField(() -> authorization.requireNewOwner(SYSTEM, owner), "ownerId",
                    "owner-cannot-own-records");
        }

        @Test
        void namesTheFieldTheOwnerWasGivenIn() {
            assertInvalidField(() -> authorization.requireNewOwner(ADMIN, UNKNOWN, "assigneeId"), "assigneeId",
                    "unknown-owner");
        }
    }

    @Nested
    class Targets {

        @ParameterizedTest(name = "{0} for {1}")
        @CsvSource({
                ADMIN + "," + REP,
                ADMIN + "," + DIRECTOR,
                MANAGER + "," + REP,
                DIRECTOR + "," + REP,
                DIRECTOR + "," + MANAGER,
                OTHER_MANAGER + "," + OTHER_REP,
                SYSTEM + "," + REP})
        void areSetByAdministratorsTheManagersAboveTheUserAndTheSystem(String actor, String user) {
            assertThatCode(() -> authorization.requireTargetSetter(actor, user)).doesNotThrowAnyException();
        }

        @ParameterizedTest(name = "{0} for {1}")
        @CsvSource({
                REP + "," + REP,
                MANAGER + "," + MANAGER,
                PEER + "," + REP,
                OTHER_MANAGER + "," + REP,
                MANAGER + "," + OTHER_REP,
                MANAGER + "," + UNKNOWN,
                AUDITOR + "," + REP,
                STEWARD + "," + REP})
        void areForbiddenToTheUserThemselvesColleaguesManagersElsewhereAndReadOnlyProfiles(String actor,
                                                                                           String user) {
            assertForbidden(() -> authorization.requireTargetSetter(actor, user), "Targets are set by");
        }

        @ParameterizedTest
        @ValueSource(strings = {FORMER_ADMIN, UNKNOWN})
        void areForbiddenToWhoeverIsNotAnActiveUser(String actor) {
            assertForbidden(() -> authorization.requireTargetSetter(actor, REP), "Only active users may set targets");
        }

        @ParameterizedTest(name = "{0} for {1}")
        @CsvSource({ADMIN + "," + UNKNOWN, ADMIN + "," + AUDITOR, MANAGER + "," + FORMER})
        void belongOnlyToActiveSalesUsers(String actor, String user) {
            assertInvalidField(() -> authorization.requireTargetSetter(actor, user), "userId", "unknown-user");
        }
    }

    @Nested
    class ReservedTasks {

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, SYSTEM})
        void administratorsAndTheSystemManageTheOrganisation(String actor) {
            assertThatCode(() -> authorization.requireAdministrator(actor)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {FORMER_ADMIN, DIRECTOR, REP, AUDITOR, STEWARD, UNKNOWN})
        void nobodyElseDoesAnAdministratorsTask(String actor) {
            assertForbidden(() -> authorization.requireAdministrator(actor), "Only administrators manage the "
                    + "organisation");
            assertForbidden(() -> authorization.requireAdministrator(actor, "keep the catalogue"),
                    "Only administrators keep the catalogue");
        }

        @ParameterizedTest
        @ValueSource(strings = {STEWARD, SYSTEM})
        void dataStewardsAndTheSystemChangeErpMasteredFields(String actor) {
            assertThatCode(() -> authorization.requireDataSteward(actor)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, REP, AUDITOR, UNKNOWN})
        void nobodyElseChangesErpMasteredFields(String actor) {
            assertForbidden(() -> authorization.requireDataSteward(actor), "only data stewards and ERP syncs");
        }

        @Test
        void onlyTheSystemSendsSystemCommands() {
            assertThatCode(() -> authorization.requireSystem(SYSTEM)).doesNotThrowAnyException();
            assertForbidden(() -> authorization.requireSystem(ADMIN), "Only the system may do this");
        }

        @ParameterizedTest
        @NullAndEmptySource
        void noActorIsNotTheSystem(String actor) {
            assertThatThrownBy(() -> authorization.requireSystem(actor)).isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> authorization.requireAdministrator(actor))
                    .isInstanceOf(NotPermittedException.class);
        }
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(RecordNotFoundException.class)
                .hasMessage("No record exists with id " + RECORD);
    }

    private static void assertForbidden(ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOf(NotPermittedException.class).hasMessageContaining(reason);
    }

    private static void assertInvalidField(ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
