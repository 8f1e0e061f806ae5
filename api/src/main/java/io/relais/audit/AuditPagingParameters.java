package io.relais.audit;

import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/** Which page of the audit view, as query parameters: by store position, never by page number. */
record AuditPagingParameters(
        @Parameter(description = "Only entries after this store position (an entry's position, or a page's "
                + "after): the page nearest to it", schema = @Schema(type = "integer", format = "int64", minimum = "0"))
        String after,
        @Parameter(description = "Only entries before this store position (an entry's position, or a page's "
                + "before): the page nearest to it; not with after",
                schema = @Schema(type = "integer", format = "int64", minimum = "0"))
        String before,
        @Parameter(description = "Entries per page, 1 to " + PageRequest.MAX_SIZE,
                schema = @Schema(type = "integer", defaultValue = "" + AuditPagingParameters.DEFAULT_SIZE,
                        minimum = "1", maximum = "" + PageRequest.MAX_SIZE))
        String size,
        @Parameter(description = "desc (newest first, the default) or asc", schema = @Schema(defaultValue = "desc",
                allowableValues = {"desc", "asc"}))
        String order) {

    static final int DEFAULT_SIZE = 50;

    AuditQuery.Paging paging() {
        Long afterPosition = position("after", after);
        Long beforePosition = position("before", before);
        if (afterPosition != null && beforePosition != null) {
            throw new InvalidFieldException("before", "invalid-parameter", "Give after or before, not both");
        }
        return new AuditQuery.Paging(QueryParameters.oldestFirst(order), afterPosition, beforePosition, pageSize());
    }

    private int pageSize() {
        if (size == null || size.isBlank()) {
            return DEFAULT_SIZE;
        }
        Long value = number(size.strip());
        if (value == null || value < 1 || value > PageRequest.MAX_SIZE) {
            throw new InvalidFieldException("size", "invalid-page-size",
                    "size must be between 1 and " + PageRequest.MAX_SIZE);
        }
        return value.intValue();
    }

    private static Long position(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Long position = number(value.strip());
        if (position == null || position < 0) {
            throw new InvalidFieldException(field, "invalid-parameter", field + " must be a store position: a "
                    + "whole number, zero or more");
        }
        return position;
    }

    private static Long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
