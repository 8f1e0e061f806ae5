package io.relais.organisation;

import io.relais.common.Page;

import java.util.List;

/** A page of territories with their rules and reps, ordered by id. */
public record TerritoryPage(List<TerritoryView> content, int page, int size, long totalElements)
        implements Page<TerritoryView> {
}
