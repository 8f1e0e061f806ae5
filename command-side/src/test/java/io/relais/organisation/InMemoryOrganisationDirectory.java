package io.relais.organisation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A test double of the organisation read model, as {@link Authorization} sees it: users with a profile, a
 * manager and an active flag. The owner is in the actor's reach when it is the actor or someone below them
 * in the reporting line, whether active or not (as the read model's recursive query); the owner's profile
 * is known only for an active owner.
 */
public class InMemoryOrganisationDirectory implements OrganisationDirectory {

    private final Map<String, User> users = new LinkedHashMap<>();

    /** Adds (or replaces) an active user. */
    public InMemoryOrganisationDirectory add(String userId, Profile profile, String managerId) {
        return add(userId, profile, managerId, true);
    }

    /** Adds (or replaces) a user. */
    public InMemoryOrganisationDirectory add(String userId, Profile profile, String managerId, boolean active) {
        users.put(userId, new User(profile, managerId, active));
        return this;
    }

    /** Adds (or replaces) a deactivated user. */
    public InMemoryOrganisationDirectory addInactive(String userId, Profile profile, String managerId) {
        return add(userId, profile, managerId, false);
    }

    public InMemoryOrganisationDirectory deactivate(String userId) {
        User user = requireUser(userId);
        users.put(userId, new User(user.profile(), user.managerId(), false));
        return this;
    }

    public InMemoryOrganisationDirectory move(String userId, String managerId) {
        User user = requireUser(userId);
        users.put(userId, new User(user.profile(), managerId, user.active()));
        return this;
    }

    /** An {@link Authorization} deciding over this directory. */
    public Authorization authorization() {
        return new Authorization(this);
    }

    @Override
    public Optional<UserStanding> standing(String actorId, String ownerId) {
        User actor = actorId == null ? null : users.get(actorId);
        if (actor == null || !actor.active()) {
            return Optional.empty();
        }
        User owner = ownerId == null ? null : users.get(ownerId);
        boolean inReach = ownerId != null && ReportingLines.of(users, User::managerId).isAtOrBelow(ownerId, actorId);
        Profile ownerProfile = owner != null && owner.active() ? owner.profile() : null;
        return Optional.of(new UserStanding(actor.profile(), inReach, ownerProfile));
    }

    private User requireUser(String userId) {
        User user = users.get(userId);
        if (user == null) {
            throw new IllegalArgumentException("No user " + userId + " in the test directory");
        }
        return user;
    }

    private record User(Profile profile, String managerId, boolean active) {
    }
}
