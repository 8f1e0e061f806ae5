package io.relais.organisation;

import io.relais.projection.PastStates;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What one batch of organisation events changes in the users' rows, and how far in the organisation's stream it
 * went, written when the batch commits: together, so that a write waiting for the organisation's version reads the
 * users it changed.
 */
final class OrganisationBatch {

    private final Function<String, Optional<UserRow>> read;
    private final Map<String, Optional<UserRow>> users = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private long reached = -1;

    OrganisationBatch(Function<String, Optional<UserRow>> read) {
        this.read = read;
    }

    /** A batch that starts with no user and is never written: for a user's past state ({@link PastStates}). */
    static OrganisationBatch inMemory() {
        return new OrganisationBatch(userId -> Optional.empty());
    }

    Optional<UserRow> user(String userId) {
        return users.computeIfAbsent(userId, read);
    }

    /** Adds a registered user's row, unless they have one already (a replay). */
    void register(UserRow row) {
        if (user(row.userId).isEmpty()) {
            users.put(row.userId, Optional.of(row));
            changed.add(row.userId);
        }
    }

    /**
     * Applies one of the user's events to their row, unless the row has it already (a replay without a reset
     * changes nothing).
     */
    void change(String userId, long sequence, Instant at, Consumer<UserRow> change) {
        UserRow row = user(userId).orElseThrow(() ->
                new IllegalStateException("User " + userId + " has events but was never registered"));
        if (sequence > row.lastSequence) {
            change.accept(row);
            row.changedBy(sequence, at);
            changed.add(userId);
        }
    }

    /** The organisation's events are applied up to this sequence number. */
    void reached(long sequenceNumber) {
        reached = Math.max(reached, sequenceNumber);
    }

    long reached() {
        return reached;
    }

    List<UserRow> changedUsers() {
        return changed.stream().map(userId -> users.get(userId).orElseThrow()).toList();
    }
}
