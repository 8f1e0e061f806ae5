package io.relais.alert;

import io.relais.common.Page;

import java.util.List;

/** A page of what a user follows, most recently followed first. */
public record FollowPage(List<Follow> content, int page, int size, long totalElements) implements Page<Follow> {
}
