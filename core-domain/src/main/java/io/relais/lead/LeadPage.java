package io.relais.lead;

import io.relais.common.Page;

import java.util.List;

/** One page of leads. A concrete type rather than a generic page, so that it crosses Axon Server intact. */
public record LeadPage(List<LeadView> content, int page, int size, long totalElements)
        implements Page<LeadView> {

    public LeadPage {
        content = List.copyOf(content);
    }
}
