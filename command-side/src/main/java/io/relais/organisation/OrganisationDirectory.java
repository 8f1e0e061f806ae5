package io.relais.organisation;

import java.util.Optional;

/**
 * The command side's view of who is who, read from the organisation read model. Aggregates use it through
 * {@link Authorization} to decide whether the acting user may change a record.
 */
public interface OrganisationDirectory {

    /**
     * How {@code actorId} stands towards records owned by {@code ownerId}; empty when the actor is not an
     * active user. {@code ownerId} may be null (an unassigned record).
     */
    Optional<UserStanding> standing(String actorId, String ownerId);
}
