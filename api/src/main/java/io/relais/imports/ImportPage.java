package io.relais.imports;

import io.relais.common.Page;

import java.util.List;

/** A page of imports, the newest first. */
public record ImportPage(List<ImportView> content, int page, int size, long totalElements) implements Page<ImportView> {
}
