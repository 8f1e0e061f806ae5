package io.relais.activity;

import io.relais.common.Page;

import java.util.List;

/** A page of a user's alerts, newest first. */
public record AlertPage(List<ActivityAlert> content, int page, int size, long totalElements)
        implements Page<ActivityAlert> {
}
