package io.relais.activity;

import io.relais.common.Page;

import java.util.List;

/** A page of activities. */
public record ActivityPage(List<ActivityView> content, int page, int size, long totalElements)
        implements Page<ActivityView> {
}
