package io.relais.lead;

import java.util.Arrays;
import java.util.Optional;

/** The keys a lead list may be sorted by, as clients spell them. */
public enum LeadSortField {
    CAPTURED_AT("capturedAt"),
    UPDATED_AT("updatedAt"),
    LAST_NAME("lastName"),
    COMPANY("company"),
    STATUS("status");

    private final String fieldName;

    LeadSortField(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }

    public static Optional<LeadSortField> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst();
    }
}
