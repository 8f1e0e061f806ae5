package io.relais.organisation;

import io.relais.lead.FindOpenLeadIds;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Snapshot current = current();
        UserView actor = actorId == null ? null : current.users().get(actorId);
        if (actor == null || !actor.active()) {
            return Optional.empty();
        }
        UserView owner = ownerId == null ? null : current.users().get(ownerId);
        boolean ownerInReach = owner != null && current.lines().isAtOrBelow(ownerId, actorId);
        return Optional.of(new UserStanding(actor.profile(), ownerInReach,
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

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > maxAgeNanos) {
            current = reload();
        }
        return current;
    }

    private synchronized Snapshot reload() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.loadedAt() <= maxAgeNanos) {
            return current;
        }
        long loadedAt = System.nanoTime();
        Map<String, UserView> users = queries.query(new FindAllUsers(), UserList.class).join().users().stream().collect(Collectors.toUnmodifiableMap(UserView::userId, Function.identity()));
        current = new Snapshot(users, ReportingLines.of(users, UserView::managerId), loadedAt);
        snapshot = current;
        return current;
    }

    private record Snapshot(Map<String, UserView> users, ReportingLines lines, long loadedAt) {
    }
}
