package io.relais.timeline;

import java.util.List;

/** A page of a timeline. */
public record TimelinePage(List<TimelineEntry> items, int page, int size, long totalItems) {
}
