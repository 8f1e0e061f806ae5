package io.relais.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import and how far it has gone; for a dry run, what the import would do.
 *
 * @param id              the import's id; null for a dry run, which keeps nothing
 * @param encoding        the file's encoding as read: UTF-8 or windows-1252
 * @param separator       the character between values: ; or ,
 * @param mapping         the field each column fills, for the columns that fill one
 * @param unmappedColumns the columns the import leaves out
 * @param rows            the rows of the file, its header aside
 * @param read            rows read so far
 * @param created         rows that made a new record (for a dry run: that would)
 * @param refused         rows the rules refused (their reasons: /errors, or refusals for a dry run)
 * @param alreadyImported rows whose record an earlier import made
 * @param percent         read rows in percent of the file's
 * @param secondsLeft     the time left at the pace so far; null before the first rows and once finished
 * @param errorsKeptUntil for an ended import, until when its file and refused rows (its list of errors) are kept
 * @param refusals        for a dry run, the refused rows and why (the first 1,000); null for an import
 */
public record ImportView(
        @Nullable String id,
        ImportKind kind,
        ImportStatus status,
        String fileName,
        String encoding,
        String separator,
        Map<String, String> mapping,
        List<String> unmappedColumns,
        @Nullable String keyColumn,
        @Nullable String source,
        @Nullable @Schema(description = "Who the imported records go to; null: the territory rules") String ownerId,
        String importedBy,
        int rows,
        int read,
        int created,
        int refused,
        int alreadyImported,
        int percent,
        @Nullable Long secondsLeft,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable @Schema(description = "What stopped a FAILED import") String failure,
        @Nullable Instant errorsKeptUntil,
        @Nullable List<RowRefusal> refusals) {
}
