package io.relais.common;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One page of a list, the one shape in which every list answers: the page's records, its zero-based number and
 * size, and how many records and pages the whole list holds. Each kind of record has its own page record
 * implementing this, because a query's response type must be concrete to cross Axon Server intact.
 */
public interface Page<T> {

    List<T> content();

    int page();

    int size();

    long totalElements();

    /** Derived, so written in every answer but never read back. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    default int totalPages() {
        return (int) ((totalElements() + size() - 1) / size());
    }
}
