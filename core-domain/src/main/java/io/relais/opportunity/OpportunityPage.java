package io.relais.opportunity;

import io.relais.common.Page;

import java.util.List;

/** A page of deals. */
public record OpportunityPage(List<OpportunityView> content, int page, int size, long totalElements)
        implements Page<OpportunityView> {
}
