package io.relais.organisation;

import io.relais.lead.FindOpenLeadIds;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gives the command side what it needs to know about users and their records, from the read models.
 * Every command is authorised, so the reporting line is held in memory: it is reloaded at once after an
 * organisation change made through this node, and otherwise when older than
 * {@code relais.organisation.directory-max-age} (changes made through another node). Queries do not use
 * it: their visibility is always applied in SQL on the current read model.
 */
@Component
class ReadModelOrganisationDirectory implements OrganisationDirectory, OwnedRecords {

    private final QueryGateway queries;
    private final long maxAgeNanos;
    private volatile Snapshot snapshot;

    ReadModelOrganisationDirectory(QueryGateway queries,
                                   @Value("${relais.organisation.directory-max-age:1s}") Duration maxAge) {
        this.queries = queries;
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public Optional<UserStanding> standing(String actorId, String ownerId) {
        Map<String, UserView> users = users();
        UserView actor = actorId == null ? null : users.get(actorId);
        if (actor == null || !actor.active()) {
            return Optional.empty();
        }
        UserView owner = ownerId == null ? null : users.get(ownerId);
        return Optional.of(new UserStanding(actor.profile(), owner != null && isAtOrBelow(users, owner, actorId),
                owner != null && owner.active() ? owner.profile() : null));
    }

    @Override
    public List<String> openLeadsOwnedBy(String userId) {
        return queries.query(new FindOpenLeadIds(userId), ResponseTypes.multipleInstancesOf(String.class)).join();
    }

    /** Forgets the reporting line; called once a change to the organisation shows in its read model. */
    void invalidate() {
        snapshot = null;
    }

    private Map<String, UserView> users() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > maxAgeNanos) {
            current = reload();
        }
        return current.users();
    }

    private synchronized Snapshot reload() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.loadedAt() <= maxAgeNanos) {
            return current;
        }
        long loadedAt = System.nanoTime();
        Map<String, UserView> users = queries.query(new FindAllUsers(), ResponseTypes.multipleInstancesOf(UserView.class))
                .join().stream().collect(Collectors.toUnmodifiableMap(UserView::userId, Function.identity()));
        current = new Snapshot(users, loadedAt);
        snapshot = current;
        return current;
    }

    private static boolean isAtOrBelow(Map<String, UserView> users, UserView user, String managerId) {
        Set<String> seen = new HashSet<>();
        UserView current = user;
        while (current != null && seen.add(current.userId())) {
            if (current.userId().equals(managerId)) {
                return true;
            }
            current = current.managerId() == null ? null : users.get(current.managerId());
        }
        return false;
    }

    private record Snapshot(Map<String, UserView> users, long loadedAt) {
    }
}
