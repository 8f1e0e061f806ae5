package io.relais.duplicate;

import java.util.List;

/** A page of duplicate pairs, most likely first. */
public record DuplicatePairPage(List<DuplicatePair> items, int page, int size, long totalItems) {
}
