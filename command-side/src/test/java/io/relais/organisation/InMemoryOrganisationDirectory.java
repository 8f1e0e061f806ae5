package io.relais.organisation;

import io.relais.organisation.TestOrganisation.Member;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A test double of the organisation read model over a {@link TestOrganisation}, as {@link Authorization} sees it.
 * The owner is in the actor's reach when it is the actor or someone below them in the reporting line, whether
 * active or not (as the read model's recursive query); the owner's profile is known only for an active owner.
 */
public class InMemoryOrganisationDirectory implements OrganisationDirectory {

    private final TestOrganisation organisation;

    public InMemoryOrganisationDirectory(TestOrganisation organisation) {
        this.organisation = organisation;
    }

    /** An {@link Authorization} deciding over this directory. */
    public Authorization authorization() {
        return new Authorization(this);
    }

    @Override
    public Optional<UserStanding> standing(String actorId, String ownerId) {
        Optional<Member> actor = organisation.member(actorId).filter(Member::active);
        if (actor.isEmpty()) {
            return Optional.empty();
        }
        boolean inReach = ownerId != null && isAtOrBelow(ownerId, actorId);
        Profile ownerProfile = organisation.member(ownerId).filter(Member::active).map(Member::profile).orElse(null);
        return Optional.of(new UserStanding(actor.get().profile(), inReach, ownerProfile));
    }

    /** Whether {@code userId} is {@code ancestorId} or reports to them, directly or not. */
    private boolean isAtOrBelow(String userId, String ancestorId) {
        Set<String> seen = new HashSet<>();
        String current = userId;
        while (current != null && seen.add(current)) {
            if (current.equals(ancestorId)) {
                return true;
            }
            current = organisation.member(current).map(Member::managerId).orElse(null);
        }
        return false;
    }
}
