package io.relais.activity;

import java.util.List;

/** A page of activities. */
public record ActivityPage(List<ActivityView> items, int page, int size, long totalItems) {
}
