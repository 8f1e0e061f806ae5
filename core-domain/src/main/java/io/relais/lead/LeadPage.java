package io.relais.lead;

import java.util.List;

/** One page of leads. A concrete type rather than a generic page, so that it crosses Axon Server intact. */
public record LeadPage(List<LeadView> items, int page, int size, long totalItems) {

    public LeadPage {
        items = List.copyOf(items);
    }
}
