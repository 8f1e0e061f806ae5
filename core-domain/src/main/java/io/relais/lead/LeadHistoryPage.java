package io.relais.lead;

import io.relais.common.Page;

import java.util.List;

/** One page of a lead's history, oldest first. */
public record LeadHistoryPage(List<LeadHistoryEntry> content, int page, int size, long totalElements)
        implements Page<LeadHistoryEntry> {

    public LeadHistoryPage {
        content = List.copyOf(content);
    }
}
