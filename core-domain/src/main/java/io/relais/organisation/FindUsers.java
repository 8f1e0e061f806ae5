package io.relais.organisation;

import io.relais.common.PageRequest;

/** A page of users matching every filter given (null filters match all); {@code text} searches id and name. */
public record FindUsers(Profile profile, String managerId, Boolean active, String text, PageRequest page) {
}
