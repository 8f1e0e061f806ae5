package io.relais.imports;

/**
 * An import ended: through its last row, or stopped by a failure that is not a row's (then {@code failure} says
 * which, and the rows not read stay unread).
 */
public record ImportFinished(String importId, ImportCounts counts, String failure) {
}
