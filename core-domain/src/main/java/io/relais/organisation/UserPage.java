package io.relais.organisation;

import java.util.List;

/** A page of users, ordered by id. */
public record UserPage(List<UserView> items, int page, int size, long totalItems) {
}
