package io.relais.activity;

import java.util.List;

/** A page of a user's alerts, newest first. */
public record AlertPage(List<ActivityAlert> items, int page, int size, long totalItems) {
}
