package io.relais.timeline;

import io.relais.common.Page;

import java.util.List;

/** A page of a timeline. */
public record TimelinePage(List<TimelineEntry> content, int page, int size, long totalElements)
        implements Page<TimelineEntry> {
}
