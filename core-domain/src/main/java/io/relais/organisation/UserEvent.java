package io.relais.organisation;

/**
 * An event of the organisation that changes one user: a user's versions count these, among the organisation's
 * events that hold them.
 */
public sealed interface UserEvent permits UserRegistered, UserProfileChanged, UserMoved, UserDeactivated,
        UserReactivated {

    String userId();
}
