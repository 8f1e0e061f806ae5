package io.relais.lead;

import java.util.List;

/** One page of a lead's history, oldest first. */
public record LeadHistoryPage(List<LeadHistoryEntry> items, int page, int size, long totalItems) {

    public LeadHistoryPage {
        items = List.copyOf(items);
    }
}
