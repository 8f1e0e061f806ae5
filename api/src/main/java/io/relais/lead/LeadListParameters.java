package io.relais.lead;

import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;
import io.relais.web.QueryParameters;

import java.util.Locale;

/** The filters of the lead list, as query parameters; its order is {@link #SORT}. */
record LeadListParameters(LeadStatus status, String ownerId, LeadSource source, String q) {

    static final String SORT = "capturedAt, updatedAt, lastName, company or status, optionally followed by ',asc' or "
            + "',desc'";
    static final String DEFAULT_SORT = "capturedAt,desc";

    FindLeads query(Viewer viewer, PageRequest page, String sort) {
        String[] sortParts = sort.split(",", -1);
        LeadSortField sortBy = LeadSortField.byName(sortParts[0].strip()).orElseThrow(() -> new InvalidFieldException(
                "sort", "invalid-sort", "sort must be one of capturedAt, updatedAt, lastName, company, status"));
        boolean ascending = sortParts.length > 1 && ascending(sortParts[1]);
        return new FindLeads(viewer, status, QueryParameters.text(ownerId), source, q, sortBy, ascending, page);
    }

    private static boolean ascending(String direction) {
        return switch (direction.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new InvalidFieldException("sort", "invalid-sort", "sort direction must be asc or desc");
        };
    }
}
