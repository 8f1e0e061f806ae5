package io.relais.organisation;

import java.util.List;

/** A page of territories with their rules and reps, ordered by id. */
public record TerritoryPage(List<TerritoryView> items, int page, int size, long totalItems) {
}
