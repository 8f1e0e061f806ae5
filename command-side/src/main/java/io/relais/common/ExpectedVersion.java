package io.relais.common;

import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * The version a command expects (the client's {@code If-Match}), checked inside the aggregate's handler
 * right after {@code Authorization}: a record the actor may not see answers as a missing one and a change
 * they may not make as forbidden, whatever version they name. Axon's own check
 * ({@code @TargetAggregateVersion}) would run as the aggregate loads, before those, and tell a hidden
 * record's existence and version apart from a missing record's; the commands do not use it.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** Refuses the command unless {@code expectedVersion} is null or the aggregate's current version. */
    public static void require(Long expectedVersion) {
        Long current = AggregateLifecycle.getVersion();
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw new StaleVersionException(expectedVersion, current);
        }
    }
}
