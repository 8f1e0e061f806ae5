package io.relais.organisation;

/**
 * How an acting user stands towards the owner of a record.
 *
 * @param actorProfile the acting user's profile
 * @param ownerInReach whether the owner is the actor or someone below them in the reporting line
 * @param ownerProfile the owner's profile when the owner is an active user, else null
 */
public record UserStanding(Profile actorProfile, boolean ownerInReach, Profile ownerProfile) {
}
