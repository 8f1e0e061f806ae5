package io.relais.duplicate;

import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/** The filters of the list of likely duplicate pairs, as query parameters. */
record DuplicateListParameters(
        @Parameter(description = "ACCOUNT or LEAD", required = true) RecordKind kind,
        @Parameter(description = "Only the pairs involving this record") String recordId,
        @Parameter(description = "The lowest score listed, 0 to 1", schema = @Schema(defaultValue = "0"))
        Double minScore) {

    FindDuplicatePairs query(Viewer viewer, PageRequest page) {
        if (kind == null) {
            throw new InvalidFieldException("kind", "required", "kind is required: ACCOUNT or LEAD");
        }
        if (kind == RecordKind.CONTACT) {
            throw new InvalidFieldException("kind", "invalid-parameter", "Duplicate pairs are kept for ACCOUNT and "
                    + "LEAD; a contact's likely duplicates come with its account's or lead's");
        }
        double lowest = minScore == null ? 0 : minScore;
        if (!(lowest >= 0 && lowest <= 1)) {
            throw new InvalidFieldException("minScore", "out-of-range", "minScore must be between 0 and 1");
        }
        String record = recordId == null || recordId.isBlank() ? null : recordId.strip();
        return new FindDuplicatePairs(kind, record, lowest, viewer, page);
    }
}
