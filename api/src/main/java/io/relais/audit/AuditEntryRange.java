package io.relais.audit;

import jakarta.annotation.Nullable;

import java.util.List;

/**
 * A page of the audit view: a run of entries between two store positions. Not the one page shape of the lists
 * ({@link io.relais.common.Page}): it is paged by position rather than by page number, so that events stored
 * meanwhile never shift a page, and it counts nothing; {@code after} and {@code before} are the positions to pass
 * to read on.
 *
 * @param content the entries, in the order asked for
 * @param order   asc (oldest first) or desc (newest first)
 * @param more    whether more entries exist beyond this page, in the direction it was read
 * @param after   pass as {@code after} for the entries newer than this page (the newest entry's position); null
 *                when the page is empty and the request gave no position
 * @param before  pass as {@code before} for the entries older than this page (the oldest entry's position); null
 *                when the page is empty and the request gave no position
 */
public record AuditEntryRange(List<AuditEntry> content, int size, String order, boolean more, @Nullable Long after,
                             @Nullable Long before) {
}
