package io.relais.forecast;

import io.relais.common.Page;

import java.util.List;

/** A page of targets, by user and period. */
public record SalesTargetPage(List<SalesTargetView> content, int page, int size, long totalElements)
        implements Page<SalesTargetView> {
}
