package io.relais.duplicate;

import io.relais.common.Page;

import java.util.List;

/** A page of duplicate pairs, most likely first. */
public record DuplicatePairPage(List<DuplicatePair> content, int page, int size, long totalElements)
        implements Page<DuplicatePair> {
}
