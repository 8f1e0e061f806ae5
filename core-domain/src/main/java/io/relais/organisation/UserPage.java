package io.relais.organisation;

import io.relais.common.Page;

import java.util.List;

/** A page of users, ordered by id. */
public record UserPage(List<UserView> content, int page, int size, long totalElements)
        implements Page<UserView> {
}
