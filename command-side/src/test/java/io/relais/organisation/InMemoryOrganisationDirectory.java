package io.relais.organisation;

import io.relais.organisation.TestOrganisation.Member;

import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;

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
        boolean inReach = ownerId != null && ReportingLines.of(organisation.members().stream()
                .collect(Collectors.toMap(Member::userId, Function.identity())), Member::managerId)
                .isAtOrBelow(ownerId, actorId);
        Profile ownerProfile = organisation.member(ownerId).filter(Member::active).map(Member::profile).orElse(null);
        return Optional.of(new UserStanding(actor.get().profile(), inReach, ownerProfile));
    }
}
