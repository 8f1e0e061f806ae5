package io.relais.lead;

import java.util.List;

/** A page of leads. */
public record LeadListResource(List<LeadResource> items, int page, int size, long totalItems, int totalPages) {

    static LeadListResource from(LeadPage page) {
        return new LeadListResource(page.items().stream().map(LeadResource::from).toList(), page.page(), page.size(),
                page.totalItems(), (int) ((page.totalItems() + page.size() - 1) / page.size()));
    }
}
