package io.relais.organisation;

import io.relais.organisation.ReportingLines.Member;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting lines over this organisation, given reports before their managers so that the order of the input
 * does not make the order of a subtree:
 * <pre>
 *   director
 *   +-- manager
 *   |   +-- rep, colleague
 *   +-- other-manager
 *       +-- other-rep
 *   admin, auditor (see everything)
 * </pre>
 */
class ReportingLinesTest {

    private static final ReportingLines LINES = lines(TestOrganisation.empty()
            .add("rep", Profile.SALES_REP, "manager")
            .add("colleague", Profile.SALES_REP, "manager")
            .add("other-rep", Profile.SALES_REP, "other-manager")
            .add("manager", Profile.SALES_MANAGER, "director")
            .add("other-manager", Profile.SALES_MANAGER, "director")
            .add("director", Profile.SALES_MANAGER, null)
            .add("admin", Profile.ADMINISTRATOR, null)
            .add("auditor", Profile.AUDITOR, null));

    /** The reporting lines of the organisation, in its order; each member's display name is their id in capitals. */
    private static ReportingLines lines(TestOrganisation organisation) {
        return new ReportingLines(organisation.members().stream().map(member -> new Member(member.userId(),
                member.userId().toUpperCase(), member.managerId(), member.profile())).toList());
    }

    private static Viewer viewer(String userId) {
        return Viewer.of(userId, LINES.member(userId).orElseThrow().profile());
    }

    @Nested
    class Members {

        @Test
        void findsAMemberById() {
            assertThat(LINES.member("rep")).contains(new Member("rep", "REP", "manager", Profile.SALES_REP));
        }

        @Test
        void findsNoUnknownUser() {
            assertThat(LINES.member("nobody")).isEmpty();
        }

        @Test
        void listsEveryoneInTheOrderGiven() {
            assertThat(LINES.all()).containsExactly("rep", "colleague", "other-rep", "manager", "other-manager",
                    "director", "admin", "auditor");
        }
    }

    @Nested
    class Subtree {

        @Test
        void listsEachManagerBeforeThePeopleReportingToThem() {
            assertThat(LINES.subtree("director")).containsExactly("director", "manager", "other-manager", "rep",
                    "colleague", "other-rep");
        }

        @Test
        void startsWithTheUserAndHoldsNobodyAboveOrBeside() {
            assertThat(LINES.subtree("manager")).containsExactly("manager", "rep", "colleague");
        }

        @Test
        void isTheUserAloneWithoutReports() {
            assertThat(LINES.subtree("rep")).containsExactly("rep");
        }

        @Test
        void isEmptyForAnUnknownUser() {
            assertThat(LINES.subtree("nobody")).isEmpty();
        }

        @Test
        void treatsAUserWhoseManagerIsUnknownAsATopOfTheLine() {
            ReportingLines lines = lines(TestOrganisation.empty().add("orphan", Profile.SALES_REP, "gone")
                    .add("report", Profile.SALES_REP, "orphan"));

            assertThat(lines.subtree("orphan")).containsExactly("orphan", "report");
        }
    }

    @Nested
    class IsAbove {

        @ParameterizedTest(name = "{0} above {1}")
        @CsvSource({"manager, rep", "director, manager", "director, rep", "director, other-rep",
                "other-manager, other-rep"})
        void holdsForEveryManagerUpTheLine(String upper, String lower) {
            assertThat(LINES.isAbove(upper, lower)).isTrue();
        }

        @ParameterizedTest(name = "{0} not above {1}")
        @CsvSource({"rep, rep", "director, director", "rep, manager", "manager, director", "rep, colleague",
                "other-manager, rep", "manager, other-rep", "admin, rep", "nobody, rep", "director, nobody",
                "director, admin"})
        void holdsForNobodyElse(String upper, String lower) {
            assertThat(LINES.isAbove(upper, lower)).isFalse();
        }
    }

    @Nested
    class IsAtOrBelow {

        @ParameterizedTest(name = "{0} at or below {1}")
        @CsvSource({"rep, rep", "director, director", "admin, admin", "rep, manager", "rep, director",
                "other-rep, director", "manager, director"})
        void holdsForTheManagerThemselvesAndEveryoneBelowThem(String userId, String managerId) {
            assertThat(LINES.isAtOrBelow(userId, managerId)).isTrue();
        }

        @ParameterizedTest(name = "{0} not at or below {1}")
        @CsvSource({"manager, rep", "director, manager", "colleague, rep", "rep, other-manager", "rep, admin",
                "admin, director", "rep, nobody", "nobody, nobody", "nobody, director"})
        void holdsForNobodyAboveBesideOrUnknown(String userId, String managerId) {
            assertThat(LINES.isAtOrBelow(userId, managerId)).isFalse();
        }

        @Test
        void walksADeepChainToItsTop() {
            Map<String, String> chain = new HashMap<>();
            chain.put("user-0", null);
            for (int i = 1; i < 10_000; i++) {
                chain.put("user-" + i, "user-" + (i - 1));
            }
            ReportingLines lines = ReportingLines.of(chain, Function.identity());

            assertThat(lines.isAtOrBelow("user-9999", "user-0")).isTrue();
            assertThat(lines.isAtOrBelow("user-0", "user-9999")).isFalse();
        }

        @Test
        void knowsFromManagersAloneWhoIsAtOrBelowWhom() {
            Map<String, String> managers = new HashMap<>();
            managers.put("boss", null);
            managers.put("report", "boss");
            ReportingLines lines = ReportingLines.of(managers, Function.identity());

            assertThat(lines.isAtOrBelow("report", "boss")).isTrue();
            assertThat(lines.isAtOrBelow("boss", "report")).isFalse();
            assertThat(lines.member("report")).contains(new Member("report", null, "boss", null));
        }
    }

    @Nested
    class SeesTeamOf {

        @ParameterizedTest(name = "{0} sees the team of {1}")
        @CsvSource({"rep, rep", "manager, manager", "manager, rep", "director, rep", "rep, manager",
                "rep, director", "colleague, manager", "other-rep, director"})
        void letsTheUserThoseAboveAndThoseBelowSeeTheTeam(String viewer, String userId) {
            assertThat(LINES.seesTeamOf(viewer(viewer), userId)).isTrue();
        }

        @ParameterizedTest(name = "{0} does not see the team of {1}")
        @CsvSource({"rep, colleague", "manager, other-manager", "other-manager, rep", "rep, other-manager",
                "other-rep, manager", "rep, other-rep", "manager, admin"})
        void hidesItFromSidewaysAndFromOtherBranches(String viewer, String userId) {
            assertThat(LINES.seesTeamOf(viewer(viewer), userId)).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = Profile.class, names = {"ADMINISTRATOR", "AUDITOR", "ANALYST", "DATA_STEWARD"})
        void letsProfilesThatSeeEverythingSeeAnyTeam(Profile profile) {
            Viewer viewer = Viewer.of("auditor", profile);

            assertThat(LINES.all()).allMatch(userId -> LINES.seesTeamOf(viewer, userId));
        }

        @Test
        void showsNobodyTheTeamOfAnUnknownUser() {
            assertThat(LINES.seesTeamOf(viewer("admin"), "nobody")).isFalse();
            assertThat(LINES.seesTeamOf(new Viewer("nobody", false), "nobody")).isFalse();
        }

        @Test
        void showsAViewerWhoIsNotInTheLinesOnlyNothing() {
            assertThat(LINES.all()).noneMatch(userId -> LINES.seesTeamOf(new Viewer("nobody", false), userId));
        }
    }

    @Nested
    class SeesLineOf {

        @ParameterizedTest(name = "{0} sees the line of {1}")
        @CsvSource({"rep, rep", "manager, manager", "manager, rep", "manager, colleague", "director, rep",
                "director, other-manager"})
        void letsTheUserAndThoseAboveSeeTheirOwnFigures(String viewer, String userId) {
            assertThat(LINES.seesLineOf(viewer(viewer), userId)).isTrue();
        }

        @ParameterizedTest(name = "{0} does not see the line of {1}")
        @CsvSource({"rep, manager", "rep, director", "colleague, rep", "manager, other-manager",
                "other-manager, rep", "other-rep, manager"})
        void hidesThemFromThoseBelowAndBeside(String viewer, String userId) {
            assertThat(LINES.seesLineOf(viewer(viewer), userId)).isFalse();
        }

        @Test
        void letsProfilesThatSeeEverythingSeeEveryLine() {
            assertThat(LINES.all()).allMatch(userId -> LINES.seesLineOf(viewer("auditor"), userId));
        }
    }

    /** The organisation refuses cycles; the read model should never hold one, but reading one must end. */
    @Nested
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    class Cycles {

        private final ReportingLines loop = lines(TestOrganisation.empty()
                .add("a", Profile.SALES_MANAGER, "b")
                .add("b", Profile.SALES_MANAGER, "c")
                .add("c", Profile.SALES_MANAGER, "a")
                .add("outsider", Profile.SALES_MANAGER, null)
                .add("self", Profile.SALES_MANAGER, "self"));

        @Test
        void endsLookingUpTheLine() {
            assertThat(loop.isAbove("outsider", "a")).isFalse();
            assertThat(loop.isAbove("b", "a")).isTrue();
            assertThat(loop.seesLineOf(new Viewer("outsider", false), "c")).isFalse();
            assertThat(loop.seesTeamOf(new Viewer("outsider", false), "c")).isFalse();
        }

        @Test
        void endsLookingForWhoIsAtOrBelowWhom() {
            assertThat(loop.isAtOrBelow("a", "outsider")).isFalse();
            assertThat(loop.isAtOrBelow("a", "c")).isTrue();
            assertThat(loop.isAtOrBelow("self", "self")).isTrue();
            assertThat(loop.isAtOrBelow("self", "a")).isFalse();
        }

        @Test
        void listsEachMemberOfALoopOnce() {
            assertThat(loop.subtree("a")).containsExactly("a", "c", "b");
        }

        @Test
        void listsAUserManagingThemselvesOnce() {
            assertThat(loop.subtree("self")).containsExactly("self");
        }
    }
}
