package io.relais.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The reporting lines of the organisation at one moment: who is at or below whom, for the organisation's
 * rule against cycles, the command side's authorisation and the read side's team figures. The rule of team
 * figures follows from them: figures of a user's subtree are seen by the user, those above them and those
 * below them (a team sees its total); one member's own figures only by the member and those above them.
 * Profiles that see everything see every figure.
 */
public final class ReportingLines {

    /** One user of the organisation. */
    public record Member(String userId, String displayName, String managerId, Profile profile) {
    }

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, List<String>> reports = new HashMap<>();

    public ReportingLines(Collection<Member> users) {
        users.forEach(user -> members.put(user.userId(), user));
        users.stream().filter(user -> user.managerId() != null && members.containsKey(user.managerId()))
                .forEach(user -> reports.computeIfAbsent(user.managerId(), id -> new ArrayList<>()).add(user.userId()));
    }

    /** The lines of {@code users} (by id) as far as who reports to whom: their members have no name or profile. */
    public static <U> ReportingLines of(Map<String, U> users, Function<U, String> managerOf) {
        return new ReportingLines(users.entrySet().stream()
                .map(user -> new Member(user.getKey(), null, managerOf.apply(user.getValue()), null)).toList());
    }

    public Optional<Member> member(String userId) {
        return Optional.ofNullable(members.get(userId));
    }

    public List<String> all() {
        return List.copyOf(members.keySet());
    }

    /**
     * The user and everyone below them, each before the people reporting to them; each once, so that a cycle
     * (which the organisation refuses) ends the walk instead of looping.
     */
    public List<String> subtree(String userId) {
        List<String> ids = new ArrayList<>();
        if (!members.containsKey(userId)) {
            return ids;
        }
        Set<String> seen = new HashSet<>();
        seen.add(userId);
        ids.add(userId);
        for (int i = 0; i < ids.size(); i++) {
            for (String report : reports.getOrDefault(ids.get(i), List.of())) {
                if (seen.add(report)) {
                    ids.add(report);
                }
            }
        }
        return ids;
    }

    /** Whether {@code upper} is strictly above {@code lower} in the reporting line. */
    public boolean isAbove(String upper, String lower) {
        Member current = members.get(lower);
        int hops = 0;
        while (current != null && current.managerId() != null && hops++ < members.size()) {
            if (current.managerId().equals(upper)) {
                return true;
            }
            current = members.get(current.managerId());
        }
        return false;
    }

    /** Whether {@code userId} is a member and is {@code managerId} or reports to them, directly or not. */
    public boolean isAtOrBelow(String userId, String managerId) {
        return members.containsKey(userId) && (userId.equals(managerId) || isAbove(managerId, userId));
    }

    /** Whether the viewer may see the figures of {@code userId}'s whole subtree. */
    public boolean seesTeamOf(Viewer viewer, String userId) {
        return members.containsKey(userId) && (viewer.seesEverything() || isAtOrBelow(userId, viewer.userId())
                || isAtOrBelow(viewer.userId(), userId));
    }

    /** Whether the viewer may see {@code userId}'s own figures, apart from their team's. */
    public boolean seesLineOf(Viewer viewer, String userId) {
        return viewer.seesEverything() || Objects.equals(viewer.userId(), userId) || isAbove(viewer.userId(), userId);
    }
}
