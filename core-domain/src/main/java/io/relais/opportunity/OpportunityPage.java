package io.relais.opportunity;

import java.util.List;

/** A page of deals. */
public record OpportunityPage(List<OpportunityView> items, int page, int size, long totalItems) {
}
