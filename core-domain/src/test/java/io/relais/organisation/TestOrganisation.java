package io.relais.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is who in a test: each member's id, profile, manager and whether they are active, in the order given. Tests
 * of every module describe their organisation with it; each module makes it real its own way (the command side's
 * in-memory directory, the query side's reporting lines, registration over HTTP in the end-to-end tests).
 *
 * <p>{@link #salesTeam()} is the organisation most tests share:
 * <pre>
 *   admin (administrator), former-admin (deactivated administrator)
 *   auditor, analyst, steward (read-only profiles; the steward masters ERP fields and curates duplicates)
 *   director (sales manager)
 *   +-- manager (sales manager)
 *   |   +-- rep, peer (sales reps), former (deactivated sales rep)
 *   +-- other-manager (sales manager)
 *       +-- other-rep (sales rep)
 * </pre>
 * {@link #UNKNOWN} is nobody's id.
 */
public final class TestOrganisation {

    public static final String ADMIN = "admin";
    public static final String FORMER_ADMIN = "former-admin";
    public static final String AUDITOR = "auditor";
    public static final String ANALYST = "analyst";
    public static final String STEWARD = "steward";
    public static final String DIRECTOR = "director";
    public static final String MANAGER = "manager";
    public static final String REP = "rep";
    public static final String PEER = "peer";
    public static final String FORMER = "former";
    public static final String OTHER_MANAGER = "other-manager";
    public static final String OTHER_REP = "other-rep";
    public static final String UNKNOWN = "nobody";

    /** A member of the organisation; {@code managerId} is null for those who report to nobody. */
    public record Member(String userId, Profile profile, String managerId, boolean active) {
    }

    private final Map<String, Member> members = new LinkedHashMap<>();

    private TestOrganisation() {
    }

    /** An organisation with nobody in it yet. */
    public static TestOrganisation empty() {
        return new TestOrganisation();
    }

    /** The organisation of the class comment. */
    public static TestOrganisation salesTeam() {
        return empty()
                .add(ADMIN, Profile.ADMINISTRATOR, null)
                .addInactive(FORMER_ADMIN, Profile.ADMINISTRATOR, null)
                .add(AUDITOR, Profile.AUDITOR, null)
                .add(ANALYST, Profile.ANALYST, null)
                .add(STEWARD, Profile.DATA_STEWARD, null)
                .add(DIRECTOR, Profile.SALES_MANAGER, null)
                .add(MANAGER, Profile.SALES_MANAGER, DIRECTOR)
                .add(REP, Profile.SALES_REP, MANAGER)
                .add(PEER, Profile.SALES_REP, MANAGER)
                .addInactive(FORMER, Profile.SALES_REP, MANAGER)
                .add(OTHER_MANAGER, Profile.SALES_MANAGER, DIRECTOR)
                .add(OTHER_REP, Profile.SALES_REP, OTHER_MANAGER);
    }

    /**
     * A team on two levels, as the figures tests (forecasts, dashboards) add them up: a director with a manager of
     * two reps below, and a third rep of their own.
     * <pre>
     *   director (sales manager)
     *   +-- manager (sales manager)
     *   |   +-- rep-1, rep-2 (sales reps)
     *   +-- rep-3 (sales rep)
     * </pre>
     */
    public static TestOrganisation twoLevelTeam() {
        return empty()
                .add(DIRECTOR, Profile.SALES_MANAGER, null)
                .add(MANAGER, Profile.SALES_MANAGER, DIRECTOR)
                .add("rep-1", Profile.SALES_REP, MANAGER)
                .add("rep-2", Profile.SALES_REP, MANAGER)
                .add("rep-3", Profile.SALES_REP, DIRECTOR);
    }

    /** Adds an active member, or replaces the member with that id (keeping their place in the order). */
    public TestOrganisation add(String userId, Profile profile, String managerId) {
        members.put(userId, new Member(userId, profile, managerId, true));
        return this;
    }

    /** Adds a deactivated member, or replaces the member with that id. */
    public TestOrganisation addInactive(String userId, Profile profile, String managerId) {
        members.put(userId, new Member(userId, profile, managerId, false));
        return this;
    }

    /** Gives the member another manager ({@code null}: nobody). */
    public TestOrganisation move(String userId, String managerId) {
        Member member = require(userId);
        members.put(userId, new Member(userId, member.profile(), managerId, member.active()));
        return this;
    }

    /** Leaves the members out (their reports keep them as manager). */
    public TestOrganisation without(String... userIds) {
        for (String userId : userIds) {
            members.remove(require(userId).userId());
        }
        return this;
    }

    /** Every member, in the order they were first added. */
    public List<Member> members() {
        return new ArrayList<>(members.values());
    }

    public Optional<Member> member(String userId) {
        return Optional.ofNullable(userId == null ? null : members.get(userId));
    }

    private Member require(String userId) {
        return member(userId).orElseThrow(() -> new IllegalArgumentException("No member " + userId));
    }
}
