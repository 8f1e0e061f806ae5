package io.relais.organisation;

import io.relais.common.PageRequest;

/** A page of territories, ordered by id. */
public record FindTerritories(PageRequest page) {
}
